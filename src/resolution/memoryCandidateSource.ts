import type { CandidateSource } from './CandidateSource';
import type { Candidate } from './Mention';

/**
 * A CandidateSource over entities held in memory: every entity of the
 * mention's type is a candidate (scoring does the selecting). Used where
 * there is no graph to ask: `seed --check` resolves each document against
 * the documents before it, and the resolution benchmark uses a fixed set.
 * `add` lets a caller grow the set as documents are resolved.
 */
export function memoryCandidateSource(initial: readonly Candidate[] = []): CandidateSource & { add(candidate: Candidate): void } {
  const byId = new Map(initial.map((c) => [c.id, c]));
  return {
    add(candidate) {
      const had = byId.get(candidate.id);
      byId.set(
        candidate.id,
        had
          ? {
              ...had,
              aliases: [...new Set([...had.aliases, ...candidate.aliases, candidate.name])].filter((a) => a !== had.name),
              relatedIds: [...new Set([...had.relatedIds, ...candidate.relatedIds])],
            }
          : candidate,
      );
    },
    async candidates(mentions) {
      const all = [...byId.values()];
      return mentions.map((m) => all.filter((c) => c.type === m.type));
    },
    async typesOf(ids) {
      return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!.type]));
    },
  };
}
