import type { CandidateSource } from './CandidateSource';
import type { Candidate } from './Mention';
import { normalizeName } from './normalizeName';
import { candidateQuery } from './searchTerms';

/** Runs one parameterised query and returns plain rows: a Db's read, or a transaction's run inside the seed loader. */
export type RunQuery = (name: string, query: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** How many candidates the full-text net brings back per mention, before scoring. */
const CANDIDATES_PER_MENTION = 25;
/** How many neighbour ids a candidate brings as context. */
const NEIGHBOURS_PER_CANDIDATE = 50;

/**
 * Gathers candidates per mention: entities of the mention's label found by
 * exact name or alias key (the `nameKey` / `aliasKeys` indexes) or by the
 * full-text net (fuzzy words in name and aliases), each with its
 * neighbours' ids for context. One round-trip for all mentions.
 */
export const RESOLUTION_CANDIDATES = `
UNWIND range(0, size($mentions) - 1) AS i
WITH i, $mentions[i] AS m
CALL (m) {
  MATCH (n:Entity) WHERE n.nameKey IN m.keys AND m.label IN labels(n)
  RETURN n
  UNION
  MATCH (n:Entity) WHERE any(k IN m.keys WHERE k IN n.aliasKeys) AND m.label IN labels(n)
  RETURN n
  UNION
  WITH m WHERE m.lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_fulltext', m.lucene, {limit: toInteger($perMention)}) YIELD node
  WITH node AS n WHERE m.label IN labels(n)
  RETURN n
}
RETURN i, n.id AS id, m.label AS type, n.name AS name, coalesce(n.aliases, []) AS aliases,
       [(n)--(x:Entity) | x.id][..toInteger($neighbours)] AS relatedIds`;

/** Ids that exist, with their type label. */
export const ENTITY_TYPES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`;

/** A CandidateSource over the graph, through `run` (see RunQuery). */
export function graphCandidateSource(run: RunQuery): CandidateSource {
  return {
    async candidates(mentions) {
      const params = mentions.map((m) => {
        const names = [m.name, ...(m.aliases ?? [])];
        return { label: m.type, keys: names.map(normalizeName), lucene: candidateQuery(names) };
      });
      const rows = await run('resolutionCandidates', RESOLUTION_CANDIDATES, {
        mentions: params,
        perMention: CANDIDATES_PER_MENTION,
        neighbours: NEIGHBOURS_PER_CANDIDATE,
      });
      const out: Candidate[][] = mentions.map(() => []);
      for (const row of rows) {
        const list = out[Number(row.i)];
        if (!list.some((c) => c.id === row.id)) list.push(row as unknown as Candidate);
      }
      return out;
    },
    async typesOf(ids) {
      if (!ids.length) return new Map();
      const rows = await run('resolutionTypesById', ENTITY_TYPES_BY_ID, { ids: [...new Set(ids)] });
      return new Map(rows.map((row) => [String(row.id), String(row.type)]));
    },
  };
}
