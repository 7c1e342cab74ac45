import DataLoader from 'dataloader';
import { labelOf } from '../compile';
import type { Db } from '../db';
import type { EntityRecord } from '../model';

/**
 * One round-trip for any number of ids: UNWIND keeps the keys' order, and
 * OPTIONAL MATCH keeps a row (with a null entity) for an id that is not in
 * the graph, so results line up with keys as DataLoader requires.
 */
export const ENTITIES_BY_ID = `
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, CASE WHEN n IS NULL THEN null
  ELSE n { .*, label: ${labelOf('n')} } END AS entity
`;

/** Loads entities by id; null for an unknown id. */
export function entityByIdLoader(db: Db): DataLoader<string, EntityRecord | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.read<{ id: string; entity: EntityRecord | null }>('entitiesById', ENTITIES_BY_ID, { ids });
    const byId = new Map(rows.map((row) => [row.id, row.entity]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
