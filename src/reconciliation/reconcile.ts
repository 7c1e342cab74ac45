import type { Db } from '../db';
import { ENTITY_TYPES } from '../model';
import { DEFAULT_THRESHOLDS, graphCandidateSource, resolveMentions, type Mention } from '../resolution';
import type { ReconcileQuery } from './parseQueries';

/** One candidate of a reconciliation result (v0.2). */
export interface ReconcileCandidate {
  id: string;
  name: string;
  type: Array<{ id: string; name: string }>;
  /** 0..100. */
  score: number;
  match: boolean;
  description?: string;
}

/** Read the stored properties that property constraints compare against. */
const CANDIDATE_PROPERTIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS props`;

/**
 * Answers reconciliation queries through src/resolution, the same rules as
 * every other way in: each query becomes one mention per type asked (every
 * type when none is), resolved in one batch. A candidate is `match: true`
 * when resolution matched it for its type and no candidate of another type
 * scores as high. Property constraints: `relatedTo` adds the entity as
 * context; any other pid must equal the candidate's property (without case)
 * or the candidate loses half its score and cannot match.
 */
export async function reconcile(db: Db, queries: readonly ReconcileQuery[]): Promise<Record<string, { result: ReconcileCandidate[] }>> {
  const mentions: Mention[] = [];
  const owner: number[] = [];
  queries.forEach((q, i) => {
    const relatedIds = q.properties.filter((p) => p.pid === 'relatedTo').map((p) => p.v);
    for (const type of q.types.length ? q.types : ENTITY_TYPES) {
      mentions.push({ key: `${i}:${type}`, type, name: q.query, relatedIds });
      owner.push(i);
    }
  });
  const source = graphCandidateSource((name, query, params) => db.read(name, query, params));
  const outcomes = await resolveMentions(source, mentions, { maxCandidates: 10 });

  const ids = [...new Set(outcomes.flatMap((o) => o.candidates.map((c) => c.id)))];
  const rows = ids.length ? await db.read<{ id: string; props: Record<string, unknown> }>('reconcileProperties', CANDIDATE_PROPERTIES, { ids }) : [];
  const props = new Map(rows.map((r) => [r.id, r.props]));

  const answer: Record<string, { result: ReconcileCandidate[] }> = {};
  queries.forEach((q, i) => {
    const constraints = q.properties.filter((p) => p.pid !== 'relatedTo');
    const scored = outcomes
      .filter((_, j) => owner[j] === i)
      .flatMap((outcome) =>
        outcome.candidates.map((c) => {
          const p = props.get(c.id) ?? {};
          const fits = constraints.every((k) => String(p[k.pid] ?? '').toLowerCase() === k.v.toLowerCase());
          const matched = fits && outcome.outcome === 'match' && outcome.targetId === c.id;
          return { c, score: fits ? c.score : c.score / 2, matched, description: typeof p.description === 'string' ? p.description : undefined };
        }),
      )
      .sort((a, b) => b.score - a.score || a.c.id.localeCompare(b.c.id));
    answer[q.key] = {
      result: scored.slice(0, q.limit).map((s, rank) => ({
        id: s.c.id,
        name: s.c.name,
        type: [{ id: s.c.type, name: s.c.type }],
        score: Math.round(s.score * 1000) / 10,
        // Only the first can match, and only when the runner-up (any type) is below the match threshold or lower than it.
        match: rank === 0 && s.matched && !(scored[1] && scored[1].score >= Math.max(s.score, DEFAULT_THRESHOLDS.match)),
        ...(s.description ? { description: s.description } : {}),
      })),
    };
  });
  return answer;
}
