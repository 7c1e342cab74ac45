import type { Candidate, Mention } from './Mention';

/**
 * Where candidates come from: the graph (graphCandidateSource) or entities
 * held in memory (memoryCandidateSource, for `seed --check` and the
 * resolution benchmark). Both answer the same two questions, so the
 * decision logic of resolveMentions is the same for every way in.
 */
export interface CandidateSource {
  /** For each mention (same order), the entities of its type whose names could be it; a generous net, scored afterwards. */
  candidates(mentions: readonly Mention[]): Promise<Candidate[][]>;
  /** The type of each id that exists (absent ids are left out). */
  typesOf(ids: readonly string[]): Promise<Map<string, string>>;
}
