import DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';
import type { Direction, RelationStep } from '../relations';

/**
 * One page of the relationships of one entity: which ones (types,
 * direction, label at the far end, an optional first step), and where the
 * page starts. Every relation field of the schema turns into such a key.
 */
export interface RelatedKey {
  id: string;
  /** Relationship types to follow; any type when null. */
  types: readonly string[] | null;
  direction: Direction;
  /** Only entities with this label at the far end; any when null. */
  label: string | null;
  /** A step taken first (Proposal.participants goes through the meeting); none when null. */
  via: RelationStep | null;
  /** How many edges to return; the loader fetches one more to tell whether there is a next page. */
  first: number;
  /** The sort key of the last edge of the previous page, from the cursor. */
  after: readonly string[] | null;
}

/** One relationship seen from the entity of its key, with what its evidence points at. */
export interface RelatedEdgeRow {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  /** The relationship's properties: evidence and descriptive ones. */
  properties: Record<string, unknown>;
  /** The entity at the other end. */
  node: EntityRecord;
  /** [type, direction, other id, anchor id]: edges are ordered by it, and cursors hold it. */
  sortKey: string[];
  /** The Source entities its evidence cites, fetched in the same round-trip. */
  sources: EntityRecord[];
  /** The Statement it rests on, if any. */
  statements: EntityRecord[];
}

/**
 * The relationships of each key, computed inside a per-key subquery. A key
 * with `via` starts from the entities one step away instead of the entity
 * itself; the inner UNION runs only the branch that applies, so keys
 * without `via` expand nothing twice. Direction is decided per row
 * (startNode(r) = n) so that keys of every direction share one query text,
 * and so one round-trip. Values only ever travel as parameters.
 */
const RELATED_MATCH = `
  MATCH (start:Entity {id: key.id})
  CALL (start, key) {
    WITH start, key WHERE key.via IS NULL
    RETURN start AS n
    UNION
    WITH start, key WHERE key.via IS NOT NULL
    MATCH (start)-[v]-(hop:Entity)
    WHERE type(v) IN key.via.types
      AND CASE key.via.direction WHEN 'OUTGOING' THEN startNode(v) = start ELSE endNode(v) = start END
      AND (key.via.label IS NULL OR key.via.label IN labels(hop))
    RETURN hop AS n
  }
  MATCH (n)-[r]-(m:Entity)
  WITH n, r, m, CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WHERE (key.types IS NULL OR type(r) IN key.types)
    AND (key.direction = 'BOTH' OR direction = key.direction)
    AND (key.label IS NULL OR key.label IN labels(m))`;

/**
 * Pages of relationships for many keys in one round-trip. Each key's edges
 * are ordered by their sort key, cut after the cursor, and sliced to the
 * key's own limit (`edges[..key.limit]`), because LIMIT cannot vary per
 * row (parameters arrive as floats, hence toInteger). Sources and
 * statements of the evidence come along, so that Evidence.source needs no
 * further query.
 */
export const RELATED_EDGES = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${RELATED_MATCH}
  WITH n, r, m, direction, [type(r), direction, m.id, n.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  WITH key, collect({r: r, m: m, direction: direction, sortKey: sortKey}) AS edges
  WITH edges[..toInteger(key.limit)] AS page
  UNWIND range(0, size(page) - 1) AS pos
  RETURN page[pos] AS e, pos
}
WITH i, pos, e.r AS r, e.m AS m, e.direction AS direction, e.sortKey AS sortKey
RETURN i, pos, type(r) AS type, direction, properties(r) AS properties, sortKey,
  m { .*, label: [l IN labels(m) WHERE l <> 'Entity'][0] } AS node,
  COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(r.sources, []) RETURN s { .*, label: 'Source' } } AS sources,
  COLLECT { MATCH (st:Statement) WHERE st.id = r.statement RETURN st { .*, label: 'Statement' } } AS statements
`;

/** How many relationships each key has in all (ignoring first and after), in one round-trip. */
export const RELATED_COUNTS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${RELATED_MATCH}
  RETURN count(*) AS total
}
RETURN i, total
`;

/** DataLoader caches by identity; keys are objects, so they are compared by their JSON. */
const keyOf = (key: RelatedKey) => JSON.stringify(key);

/** The parameters of one key as the query reads them. */
function toParam(key: RelatedKey, limit: number) {
  return { ...key, via: key.via ? { ...key.via, label: key.via.label ?? null } : null, limit };
}

/**
 * Loads pages of relationships; each batch (every relation field of one
 * level of a query) is one round-trip. The entities it meets (the other
 * ends, the sources and statements of the evidence) are primed into the
 * entity loader, so resolving them later costs nothing.
 */
export function relatedLoader(db: Db, entityById: DataLoader<string, EntityRecord | null>): DataLoader<RelatedKey, RelatedEdgeRow[], string> {
  return new DataLoader(
    async (keys) => {
      const rows = await db.read<RelatedEdgeRow & { i: number; pos: number }>('relatedEdges', RELATED_EDGES, {
        // One extra edge per key tells whether there is a next page.
        keys: keys.map((key) => toParam(key, key.first + 1)),
      });
      const pages: RelatedEdgeRow[][] = keys.map(() => []);
      rows.sort((a, b) => a.i - b.i || a.pos - b.pos);
      for (const { i, pos: _pos, ...edge } of rows) {
        pages[i].push(edge);
        for (const entity of [edge.node, ...edge.sources, ...edge.statements]) entityById.prime(entity.id, entity);
      }
      return pages;
    },
    { cacheKeyFn: keyOf },
  );
}

/** Counts the relationships of keys (first and after are ignored); one round-trip per batch. */
export function relatedCountLoader(db: Db): DataLoader<RelatedKey, number, string> {
  return new DataLoader(
    async (keys) => {
      const rows = await db.read<{ i: number; total: number }>('relatedCounts', RELATED_COUNTS, {
        keys: keys.map((key) => toParam(key, 0)),
      });
      const totals = keys.map(() => 0);
      for (const row of rows) totals[row.i] = row.total;
      return totals;
    },
    { cacheKeyFn: (key) => keyOf({ ...key, first: 0, after: null }) },
  );
}
