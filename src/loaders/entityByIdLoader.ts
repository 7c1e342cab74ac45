import DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';

/**
 * One round-trip for any number of ids: UNWIND keeps the keys' order, and
 * OPTIONAL MATCH keeps a row (with a null entity) for an id that is not in
 * the graph, so results line up with keys as DataLoader requires. An id
 * merged into another entity (mergeEntities) loads that entity.
 */
export const ENTITIES_BY_ID = `
UNWIND $ids AS id
OPTIONAL MATCH (own:Entity {id: id})
OPTIONAL MATCH (merged:MergedId {id: id}) WHERE own IS NULL
OPTIONAL MATCH (into:Entity {id: merged.into})
WITH id, coalesce(own, into) AS n
RETURN id, CASE WHEN n IS NULL THEN null
  ELSE n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] } END AS entity
`;

/** Loads entities by id; null for an unknown id. */
export function entityByIdLoader(db: Db): DataLoader<string, EntityRecord | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.read<{ id: string; entity: EntityRecord | null }>('entitiesById', ENTITIES_BY_ID, { ids });
    const byId = new Map(rows.map((row) => [row.id, row.entity]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
