import type { Db } from '../db';
import { ENTITY_TYPES } from '../model';
import { WRITE_SCHEMA_STATEMENTS } from '../mutations/writeSchema';

/**
 * Constraints and indexes, each written with IF NOT EXISTS so that applying
 * them at every start is safe. Labels come from a fixed list, never from
 * input: schema commands cannot take parameters, so this is the one place
 * where names are put into query text, and only our own names.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  ...ENTITY_TYPES.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
  // Keyset pagination of the list queries (persons, meetings ...) sorts by (name, id) within one label:
  // a composite index per label serves both the range seek after a cursor and the order.
  ...ENTITY_TYPES.map((label) => `CREATE INDEX ${label.toLowerCase()}_name_id IF NOT EXISTS FOR (n:${label}) ON (n.name, n.id)`),
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
  // The write API's audit entries, merged ids and retractions (src/mutations/writeSchema.ts).
  ...WRITE_SCHEMA_STATEMENTS,
];

/** Schema commands wait for schema locks and index population: a start-up's time, not a request's (QUERY_TIMEOUT_MS). */
const SCHEMA_TIMEOUT_MS = 120_000;

/** Every index (constraints have a backing index of their own name) with its state and what it covers. */
const SHOW_INDEXES = 'SHOW INDEXES YIELD name, state, labelsOrTypes RETURN name, state, labelsOrTypes';
const SHOW_CONSTRAINTS = 'SHOW CONSTRAINTS YIELD name RETURN name';

/** The name a schema statement creates, read from its text (every statement above names what it makes). */
const CREATED_NAME = /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+) IF NOT EXISTS /;

/**
 * Applies every constraint and index, then waits until the indexes are online.
 * A full-text index made before an entity label was added does not cover it
 * and IF NOT EXISTS would keep it so; it is dropped and rebuilt first.
 *
 * Statements whose constraint or index already exists are skipped: on a
 * warm start that is two SHOW queries instead of some forty schema
 * transactions, which a freshly started JVM plans slowly (seconds, on a busy
 * machine). IF NOT EXISTS would leave an existing one unchanged anyway.
 */
export async function applySchema(db: Db): Promise<void> {
  const options = { timeoutMs: SCHEMA_TIMEOUT_MS };
  const indexes = await db.read<{ name: string; state: string; labelsOrTypes: string[] | null }>('showIndexes', SHOW_INDEXES, {}, options);
  const constraints = await db.read<{ name: string }>('showConstraints', SHOW_CONSTRAINTS, {}, options);
  const existing = new Set([...indexes.map((index) => index.name), ...constraints.map((constraint) => constraint.name)]);
  const fulltext = indexes.find((index) => index.name === 'entity_fulltext');
  if (fulltext && [...(fulltext.labelsOrTypes ?? [])].sort().join() !== [...ENTITY_TYPES].sort().join()) {
    await db.write('dropStaleFulltext', 'DROP INDEX entity_fulltext IF EXISTS', {}, options);
    existing.delete('entity_fulltext');
  }
  const missing = SCHEMA_STATEMENTS.filter((statement) => {
    const name = CREATED_NAME.exec(statement)?.[1];
    return !name || !existing.has(name);
  });
  for (const statement of missing) {
    await db.write('applySchema', statement, {}, options);
  }
  if (missing.length > 0 || indexes.some((index) => index.state !== 'ONLINE')) {
    await db.write('awaitIndexes', 'CALL db.awaitIndexes(60)', {}, options);
  }
}
