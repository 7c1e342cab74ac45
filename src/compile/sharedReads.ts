import type { Db } from '../db';

/** The reads of the operations running with shareReads, by their request's Db view; each by statement text and values. */
const OPERATIONS = new WeakMap<Db, Map<string, Promise<unknown[]>>>();

/**
 * Runs `work` (one operation's execution) so that a compiled statement it
 * reads more than once, with the same values, is read once: when a
 * compiled run reports an error, graphql-js runs the operation again
 * (src/execution) and answers from the rows the first run read, instead
 * of sending every statement to Neo4j a second time; and two root fields
 * that compile to the same statement (aliases asking the same thing) share
 * one round-trip. The sharing ends with `work`, so it never outlives the
 * operation: a subscription's context, which lives on, reads afresh.
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
 * taken from an earlier read of the same statement and values. Rows are
 * shared as they are: nothing that reads them changes them (readCompiled
 * lays them out before they are shared).
 */
export function sharedRead<Row>(db: Db, text: string, params: Record<string, unknown>, read: () => Promise<Row[]>): Promise<Row[]> {
  const reads = OPERATIONS.get(db);
  if (!reads) return read();
  const key = `${text}\n${JSON.stringify(params)}`;
  let rows = reads.get(key) as Promise<Row[]> | undefined;
  if (!rows) reads.set(key, (rows = read()));
  return rows;
}
