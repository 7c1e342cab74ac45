import type { Db } from '../db';
import type { CompiledStatement } from './compileStatement';

/** The reads of the operations running with shareReads, by their request's Db view; each by its compiled statement. */
const OPERATIONS = new WeakMap<Db, Map<CompiledStatement, Promise<unknown[]>>>();

/**
 * Runs `work` (one operation's execution) so that a compiled statement it
 * reads again is not sent to Neo4j again: when a compiled run reports an
 * error, graphql-js runs the operation again (src/execution), and its
 * resolvers get the same statement objects (planOnce keeps them per field
 * of the parsed operation and its variables), so they answer from the rows
 * the first run read. The sharing ends with `work`, so it never outlives
 * the operation: a subscription's context, which lives on, reads afresh.
 */
export async function shareReads<T>(db: Db, work: () => Promise<T>): Promise<T> {
  OPERATIONS.set(db, new Map());
  try {
    return await work();
  } finally {
    OPERATIONS.delete(db);
  }
}

/**
 * The rows of a compiled statement: read by `read`, or, within shareReads,
 * taken from an earlier read of the same statement. Rows are shared as
 * they are: nothing that reads them changes them (readCompiled lays them
 * out before they are shared). A read that failed is not shared: the run
 * again tries it once more, as it did before reads were shared (a lost
 * connection may be back; a request past its deadline is refused at once).
 */
export function sharedRead<Row>(db: Db, statement: CompiledStatement, read: () => Promise<Row[]>): Promise<Row[]> {
  const reads = OPERATIONS.get(db);
  if (!reads) return read();
  let rows = reads.get(statement) as Promise<Row[]> | undefined;
  if (!rows) {
    rows = read();
    reads.set(statement, rows);
    rows.catch(() => reads.delete(statement));
  }
  return rows;
}
