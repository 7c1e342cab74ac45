import type { CandidateSource } from './CandidateSource';
import type { Candidate, Mention, ResolutionOutcome, ScoredCandidate } from './Mention';
import { personNameParts } from './personNameParts';
import { scoreCandidate } from './scoreCandidate';
import { transliterationKey } from './transliterationKey';

/** The two thresholds of resolution. */
export interface ResolutionThresholds {
  /** At or above: the same entity, automatically. Default 0.9. */
  match: number;
  /** Below: a new entity. Between the two: review. Default 0.5. */
  create: number;
}

export const DEFAULT_THRESHOLDS: ResolutionThresholds = { match: 0.9, create: 0.5 };

/** Options of resolveMentions. */
export interface ResolveOptions {
  thresholds?: Partial<ResolutionThresholds>;
  /** How many scored candidates each outcome lists, best first. Default 5. */
  maxCandidates?: number;
}

/**
 * Resolves mentions of entities against a candidate source (the graph or a
 * set in memory), the one place where every way in (seed documents, the
 * write API, reconciliation) decides whether a name is an entity already
 * known. For each mention, in this order:
 * 1. `sameAs` names the entity: match, if it exists with the same type;
 * 2. an entity with the mention's `id` exists: match (same type required);
 * 3. candidates are scored (scoreCandidate), those in `distinctFrom`
 *    left out: the best at or above the match threshold, and alone there,
 *    is a match; nothing at or above the create threshold is a create;
 *    anything else is a review, listing the candidates with their scores.
 * Outcomes come back in the order of the mentions.
 */
export async function resolveMentions(source: CandidateSource, mentions: readonly Mention[], options: ResolveOptions = {}): Promise<ResolutionOutcome[]> {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const maxCandidates = options.maxCandidates ?? 5;
  const ids = mentions.flatMap((m) => [m.id, m.sameAs].filter((id): id is string => id !== undefined));
  const [types, pools] = await Promise.all([source.typesOf(ids), source.candidates(mentions)]);

  return mentions.map((mention, index) => {
    if (mention.sameAs !== undefined) {
      const type = types.get(mention.sameAs);
      if (type === undefined) return invalid(mention, `sameAs: "${mention.sameAs}" is not an entity of the graph`);
      if (type !== mention.type) return invalid(mention, `sameAs: "${mention.sameAs}" is a ${type}, not a ${mention.type}`);
      return { key: mention.key, outcome: 'match', targetId: mention.sameAs, via: 'sameAs', score: 1, candidates: [] };
    }
    if (mention.id !== undefined && types.has(mention.id)) {
      const type = types.get(mention.id)!;
      if (type !== mention.type) return invalid(mention, `"${mention.id}" is already in the graph as a ${type}, not a ${mention.type}`);
      return { key: mention.key, outcome: 'match', targetId: mention.id, via: 'id', score: 1, candidates: [] };
    }
    const excluded = new Set(mention.distinctFrom ?? []);
    const pool = pools[index].filter((c) => c.type === mention.type && !excluded.has(c.id));
    const scored = scoreAll(mention, pool).slice(0, maxCandidates);
    const best = scored[0];
    if (!best || best.score < thresholds.create) return { key: mention.key, outcome: 'create', candidates: scored };
    const above = scored.filter((c) => c.score >= thresholds.match);
    if (above.length === 1) {
      const via = best.reasons[0] === 'name' || best.reasons[0] === 'alias' ? 'name' : 'fuzzy';
      return { key: mention.key, outcome: 'match', targetId: best.id, via, score: best.score, candidates: scored };
    }
    const reason =
      above.length > 1
        ? `${above.length} entities score ${thresholds.match} or more`
        : `the best score, ${best.score}, is between ${thresholds.create} and ${thresholds.match}`;
    return { key: mention.key, outcome: 'review', candidates: scored, reason };
  });
}

/** Scores every candidate, best first (ties by id, so outcomes are stable). */
function scoreAll(mention: Mention, pool: readonly Candidate[]): ScoredCandidate[] {
  const surnames = mention.type === 'Person' ? mentionSurnames(mention) : new Set<string>();
  // How many persons of the pool carry the mention's surname: a surname alone is trusted only when it names one of them.
  const surnameCount = pool.filter((c) => [c.name, ...c.aliases].some((n) => surnames.has(surnameKey(n)))).length;
  return pool
    .map((candidate) => scoreCandidate(mention, candidate, surnameCount))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

function mentionSurnames(mention: Mention): Set<string> {
  return new Set([mention.name, ...(mention.aliases ?? [])].map(surnameKey).filter((k) => k !== ''));
}

function surnameKey(name: string): string {
  const parts = personNameParts(name);
  return parts ? transliterationKey(parts.surname) : '';
}

function invalid(mention: Mention, message: string): ResolutionOutcome {
  return { key: mention.key, outcome: 'invalid', message, candidates: [] };
}
