import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import { abandonSession, type Db } from '../db';
import { cypherToJson } from './cypherToJson';
import type { GraphCollector } from './GraphCollector';
import { mapCypherError } from './mapCypherError';

/** Limits of one execution. */
export interface ExecuteOptions {
  /** Most rows to return; one more is read to know whether there were more. */
  rowLimit: number;
  /** Rows stop being collected once their JSON passes this many characters. */
  maxResultBytes: number;
  /** Transaction timeout, enforced by the server. */
  timeoutMs: number;
  metadata: Record<string, unknown>;
  /** Records every node and relationship of the rows, for the graph view. */
  collector?: GraphCollector;
  /**
   * Takes each row as it arrives instead of collecting it (exports): the
   * next row is read only once the returned promise settles, so a slow
   * client slows the Bolt stream rather than filling memory.
   */
  onRow?: (row: Record<string, unknown>, columns: string[]) => void | Promise<void>;
  /** Aborted at the request's deadline: the session's connection is dropped, not reused. */
  signal?: AbortSignal;
}

/** Rows and what the server said about them. */
export interface ExecutedQuery {
  columns: string[];
  /** The rows, unless onRow took them. */
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  truncated: boolean;
  /** Absent when the server's summary could not be had (the stream was cut short). */
  summary?: ResultSummary;
}

/**
 * Runs a guarded query in a READ transaction, so the server itself refuses
 * any write the guard missed (Neo.ClientError.Statement.AccessMode →
 * FORBIDDEN). Rows are pulled one at a time through the result's async
 * iterator (which pauses the Bolt stream when its buffer fills) and
 * converted as they come; once the row cap or the size cap is reached the
 * rest of the stream is discarded and the transaction rolled back, so a
 * query matching millions of rows costs the server little more than the
 * rows returned. The transaction timeout stops queries that are slow before
 * their first row (TIMEOUT); db.memory.transaction.max stops those that
 * would use too much memory (RESOURCE_LIMIT).
 */
export async function executeReadOnly(db: Db, query: string, params: Record<string, unknown>, options: ExecuteOptions): Promise<ExecutedQuery> {
  const session = db.openSession('READ');
  const abandon = () => void abandonSession(session);
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    const tx = await session.beginTransaction({ timeout: options.timeoutMs, metadata: { ...options.metadata, phase: 'run' } });
    try {
      const result = tx.run(query, params);
      const iterator = result[Symbol.asyncIterator]();
      const rows: Array<Record<string, unknown>> = [];
      let rowCount = 0;
      let columns: string[] | undefined;
      let bytes = 0;
      let truncated = false;
      let summary: ResultSummary | undefined;
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          summary = next.value;
          break;
        }
        if (rowCount >= options.rowLimit || bytes > options.maxResultBytes) {
          truncated = true;
          // Cancels the stream (DISCARD) and resolves with the summary once the server has stopped.
          summary = (await iterator.return?.())?.value as ResultSummary | undefined;
          break;
        }
        const row = toRow(next.value, options.collector);
        bytes += JSON.stringify(row).length;
        rowCount += 1;
        if (options.onRow) await options.onRow(row, (columns ??= next.value.keys.map(String)));
        else rows.push(row);
      }
      columns ??= (await result.keys()) as string[];
      return { columns, rows, rowCount, truncated, summary };
    } finally {
      await tx.rollback().catch(() => undefined);
    }
  } catch (error) {
    // A request stopped by its deadline or its client's disconnection says so, not how the driver saw it end.
    throw db.signal.aborted ? db.signal.reason : mapCypherError(error);
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    if (!options.signal?.aborted) await session.close();
  }
}

function toRow(record: Neo4jRecord, collector?: GraphCollector): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[String(key)] = cypherToJson(record.get(key), collector);
  return row;
}
