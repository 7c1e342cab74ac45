import type { Db } from '../db';
import { ENTITY_TYPES } from '../model';

/**
 * Constraints and indexes, each written with IF NOT EXISTS so that applying
 * them at every start is safe. Labels come from a fixed list, never from
 * input: schema commands cannot take parameters, so this is the one place
 * where names are put into query text, and only our own names.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  ...ENTITY_TYPES.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
  `CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:${ENTITY_TYPES.join('|')}) ON EACH [n.name, n.aliasesText, n.description]`,
];

/** Applies every constraint and index, then waits until the indexes are online. */
export async function applySchema(db: Db): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await db.write('applySchema', statement);
  }
  await db.write('awaitIndexes', 'CALL db.awaitIndexes(60)');
}
