import DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';
import type { Direction, RelationStep } from '../relations';
import { relatedStatement } from './relatedQuery';

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

/** DataLoader caches by identity; keys are objects, so they are compared by their JSON. */
const keyOf = (key: RelatedKey) => JSON.stringify(key);

/**
 * Loads pages of relationships; each batch (every relation field of one
 * level of a query) is one round-trip, one statement built by
 * relatedStatement. The entities it meets (the other ends, the sources and
 * statements of the evidence) are primed into the entity loader, so
 * resolving them later costs nothing.
 */
export function relatedLoader(db: Db, entityById: DataLoader<string, EntityRecord | null>): DataLoader<RelatedKey, RelatedEdgeRow[], string> {
  return new DataLoader(
    async (keys) => {
      const pages: RelatedEdgeRow[][] = keys.map(() => []);
      const statement = relatedStatement('edges', keys);
      if (!statement) return pages;
      const rows = await db.read<RelatedEdgeRow & { i: number; pos: number }>('relatedEdges', statement.text, statement.params);
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
      const totals = keys.map(() => 0);
      const statement = relatedStatement('counts', keys);
      if (!statement) return totals;
      const rows = await db.read<{ i: number; total: number }>('relatedCounts', statement.text, statement.params);
      for (const row of rows) totals[row.i] = row.total;
      return totals;
    },
    { cacheKeyFn: (key) => keyOf({ ...key, first: 0, after: null }) },
  );
}
