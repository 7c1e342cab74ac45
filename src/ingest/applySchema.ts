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
  // Keyset pagination of the list queries (persons, meetings ...) sorts by (name, id) within one label:
  // a composite index per label serves both the range seek after a cursor and the order.
  ...ENTITY_TYPES.map(
    (label) => `CREATE INDEX ${label.toLowerCase()}_name_id IF NOT EXISTS FOR (n:${label}) ON (n.name, n.id)`,
  ),
  'CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
  // Lookups the API makes: meetings and proposals by status, events and statements by date, sources by kind.
  'CREATE INDEX meeting_status IF NOT EXISTS FOR (n:Meeting) ON (n.status)',
  'CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE INDEX event_start_date IF NOT EXISTS FOR (n:Event) ON (n.startDate)',
  'CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)',
  'CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)',
  'CREATE INDEX figure_measure IF NOT EXISTS FOR (n:Figure) ON (n.measure)',
  `CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:${ENTITY_TYPES.join('|')}) ON EACH [n.name, n.aliasesText, n.description]`,
];

/** The labels the existing full-text index covers, if there is one. */
const FULLTEXT_LABELS = "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'entity_fulltext' RETURN labelsOrTypes";

/**
 * Applies every constraint and index, then waits until the indexes are online.
 * A full-text index made before an entity label was added does not cover it
 * and IF NOT EXISTS would keep it so; it is dropped and rebuilt first.
 */
export async function applySchema(db: Db): Promise<void> {
  // Start-up work, not a client's request: a fresh server on a busy machine may take longer than QUERY_TIMEOUT_MS.
  const slow = { timeoutMs: 90_000 };
  const [fulltext] = await db.read<{ labelsOrTypes: string[] }>('fulltextLabels', FULLTEXT_LABELS, {}, slow);
  if (fulltext && [...fulltext.labelsOrTypes].sort().join() !== [...ENTITY_TYPES].sort().join()) {
    await db.write('dropStaleFulltext', 'DROP INDEX entity_fulltext IF EXISTS', {}, slow);
  }
  for (const statement of SCHEMA_STATEMENTS) {
    await db.write('applySchema', statement, {}, slow);
  }
  await db.write('awaitIndexes', 'CALL db.awaitIndexes(60)', {}, slow);
}
