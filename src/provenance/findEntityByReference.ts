import type { Db } from '../db';
import type { EntityRecord } from '../model';
import { normalizeName } from '../resolution';

/**
 * The entity a reference names when it is not an id: an id a document gave
 * it before it was resolved to this one (`otherIds`), or its name or an
 * alias written as an id or as words ("witkoff", "steve witkoff",
 * "Trump-Putin summit"). Only an unambiguous reference resolves.
 */
export const ENTITY_BY_REFERENCE = `
MATCH (n:Entity)
WHERE $ref IN coalesce(n.otherIds, []) OR n.nameKey = $key OR $key IN coalesce(n.aliasKeys, [])
RETURN n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] } AS entity
LIMIT 2`;

/** Finds the entity a former id, name or alias names; null when none or several do. */
export async function findEntityByReference(db: Db, ref: string): Promise<EntityRecord | null> {
  const key = normalizeName(ref);
  if (!key) return null;
  const rows = await db.read<{ entity: EntityRecord }>('entityByReference', ENTITY_BY_REFERENCE, { ref, key });
  return rows.length === 1 ? rows[0].entity : null;
}
