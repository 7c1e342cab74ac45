import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import { terminateTransactions, type Db } from '../db';
import { badInput } from '../errors';
import { bindSavedQueryParams } from './bindSavedQueryParams';
import { createConcurrencyLimit, type ConcurrencyLimit } from './createConcurrencyLimit';
import type { CypherPlan, CypherResult } from './CypherTypes';
import { executeReadOnly } from './executeReadOnly';
import { createGraphCollector } from './GraphCollector';
import { guardQuery } from './guardQuery';
import { jsonToParams } from './jsonToParams';
import { loadSavedQueries, SavedQueryError } from './loadSavedQueries';
import type { SavedQuery } from './SavedQuery';
import { runWithDeadline } from './runWithDeadline';
import { mergeNotifications, toCypherNotifications } from './toCypherNotifications';
import { toCypherPlan } from './toCypherPlan';

/** Who runs a query, for transaction metadata (SHOW TRANSACTIONS, the query log). */
export interface CallInfo {
  requestId: string;
  /** The configured name of the API key, when there was one. */
  keyName?: string;
}

/** Takes one row of a streamed query, with the column names; the next row is read once it settles. */
export type RowSink = (row: Record<string, unknown>, columns: string[]) => void | Promise<void>;

/** How a streamed query ended. */
export interface StreamedQuery {
  columns: string[];
  rowCount: number;
  /** True when the row cap or the size cap stopped the stream. */
  truncated: boolean;
}

/** The arguments of Query.cypher. */
export interface CypherRequest {
  query: string;
  params?: unknown;
  limit?: number | null;
  timeoutMs?: number | null;
}

/**
 * The analyst Cypher sandbox of one app: the guard, the read-only streaming
 * executor, the concurrency limit and the saved queries. Made once per app
 * (the limit must be shared by all requests); each call takes the
 * request's Db, so round-trips are counted per request. Role checks belong
 * to the resolvers; everything else about running analyst Cypher is here.
 */
export interface CypherSandbox {
  /** Guards and runs one ad-hoc query. */
  run(db: Db, request: CypherRequest, call: CallInfo): Promise<CypherResult>;
  /**
   * Guards and runs one ad-hoc query like run, under the same timeout, row
   * cap and concurrency limit, but hands each row to `onRow` as it arrives
   * instead of collecting them (exports). Resolves once the stream ends.
   */
  stream(db: Db, request: CypherRequest, call: CallInfo, onRow: RowSink): Promise<StreamedQuery>;
  /** Guards one query and returns its plan, without running it. */
  explain(db: Db, query: string, call: CallInfo): Promise<CypherPlan>;
  /** Every saved query, by name order. */
  readonly savedQueries: readonly SavedQuery[];
  /**
   * Reads SAVED_QUERIES_DIR again and, when every file is valid, serves the
   * new set from the next call on; a bad file changes nothing and is
   * reported as BAD_USER_INPUT listing every problem. Returns the names now served.
   */
  reloadSavedQueries(): string[];
  findSavedQuery(name: string): SavedQuery | undefined;
  /** Checks the parameters against the declarations, then guards and runs the saved query. */
  runSavedQuery(db: Db, query: SavedQuery, params: unknown, limit: number | null | undefined, call: CallInfo): Promise<CypherResult>;
  /** The concurrency limit, for tests and metrics. */
  readonly limit: ConcurrencyLimit;
}

/**
 * Creates the sandbox from the `cypher` configuration. Saved queries are
 * read and validated here, so a bad file stops the start with a clear
 * message (SavedQueryError).
 */
export function createCypherSandbox(config: Config['cypher']): CypherSandbox {
  const limit = createConcurrencyLimit({ maxConcurrent: config.maxConcurrent, maxQueued: config.maxQueued });
  let saved = loadSavedQueries(config.savedQueriesDir);
  const sortByName = (queries: Map<string, SavedQuery>) => [...queries.values()].sort((a, b) => a.name.localeCompare(b.name));
  let savedQueries = sortByName(saved);

  async function guardAndRun(
    db: Db,
    query: string,
    params: Record<string, unknown>,
    rowLimit: number,
    timeoutMs: number,
    metadata: Record<string, unknown>,
    argument: string,
  ): Promise<CypherResult> {
    const deadline = Date.now() + timeoutMs;
    return limit(() =>
      withinDeadline(db, deadline, timeoutMs, metadata, async (signal, tagged) => {
        const started = performance.now();
        const guarded = await guardQuery(db, query, params, {
          timeoutMs: remaining(deadline),
          metadata: tagged,
          argument,
          signal,
          maxRangeValues: config.maxRangeValues,
        });
        const collected = createGraphCollector();
        const executed = await executeReadOnly(db, query, params, {
          rowLimit,
          timeoutMs: remaining(deadline),
          maxResultBytes: config.maxResultBytes,
          metadata: tagged,
          signal,
          collector: collected,
        });
        const summary = executed.summary;
        return {
          columns: executed.columns,
          rows: executed.rows,
          truncated: executed.truncated,
          collected,
          summary: {
            queryType: summary?.queryType ? String(summary.queryType) : guarded.queryType,
            database: db.database,
            rowCount: executed.rows.length,
            resultAvailableAfterMs: toMs(summary?.resultAvailableAfter),
            resultConsumedAfterMs: toMs(summary?.resultConsumedAfter),
            totalMs: Math.round((performance.now() - started) * 1000) / 1000,
            timeoutMs,
            rowLimit,
            notifications: mergeNotifications(guarded.notifications, toCypherNotifications(summary?.notifications ?? [])),
          },
        };
      }),
    );
  }

  const metadataOf = (call: CallInfo, query: string) => ({
    app: 'diplograph',
    query,
    requestId: call.requestId,
    ...(call.keyName ? { apiKey: call.keyName } : {}),
  });

  return {
    limit,
    get savedQueries() {
      return savedQueries;
    },
    findSavedQuery: (name) => saved.get(name),
    reloadSavedQueries() {
      try {
        // Both swapped together, so a call sees the old set or the new one, never half of each.
        const next = loadSavedQueries(config.savedQueriesDir);
        saved = next;
        savedQueries = sortByName(next);
        return savedQueries.map((query) => query.name);
      } catch (error) {
        if (error instanceof SavedQueryError) {
          throw badInput(`${error.message}\nThe saved queries already loaded stay in use.`, { problems: error.problems });
        }
        throw error;
      }
    },

    async run(db, request, call) {
      const rowLimit = checkRange('limit', request.limit, config.defaultRowLimit, 1, config.maxRowLimit, 'CYPHER_MAX_ROW_LIMIT');
      const timeoutMs = checkRange('timeoutMs', request.timeoutMs, config.defaultTimeoutMs, 1, config.maxTimeoutMs, 'CYPHER_MAX_TIMEOUT_MS');
      const params = jsonToParams(request.params);
      return guardAndRun(db, request.query, params, rowLimit, timeoutMs, metadataOf(call, 'analyst.cypher'), 'query');
    },

    async stream(db, request, call, onRow) {
      const rowLimit = checkRange('limit', request.limit, config.defaultRowLimit, 1, config.maxRowLimit, 'CYPHER_MAX_ROW_LIMIT');
      const timeoutMs = checkRange('timeoutMs', request.timeoutMs, config.defaultTimeoutMs, 1, config.maxTimeoutMs, 'CYPHER_MAX_TIMEOUT_MS');
      const params = jsonToParams(request.params);
      const metadata = metadataOf(call, 'analyst.export');
      // The same guard and deadline as run(): an export is no way around the range check or the timeout.
      const deadline = Date.now() + timeoutMs;
      return limit(() =>
        withinDeadline(db, deadline, timeoutMs, metadata, async (signal, tagged) => {
          await guardQuery(db, request.query, params, {
            timeoutMs: remaining(deadline),
            metadata: tagged,
            argument: 'query',
            signal,
            maxRangeValues: config.maxRangeValues,
          });
          const executed = await executeReadOnly(db, request.query, params, {
            rowLimit,
            timeoutMs: remaining(deadline),
            // An export is written out as it goes, so the size cap is the row cap's business, not memory's.
            maxResultBytes: Number.MAX_SAFE_INTEGER,
            metadata: tagged,
            signal,
            onRow,
          });
          return { columns: executed.columns, rowCount: executed.rowCount, truncated: executed.truncated };
        }),
      );
    },

    async explain(db, query, call) {
      const timeoutMs = config.defaultTimeoutMs;
      const deadline = Date.now() + timeoutMs;
      return limit(() =>
        withinDeadline(db, deadline, timeoutMs, metadataOf(call, 'analyst.explain'), async (signal, tagged) => {
          const guarded = await guardQuery(
            db,
            query,
            {},
            { timeoutMs: remaining(deadline), metadata: tagged, signal, maxRangeValues: config.maxRangeValues },
          );
          return toCypherPlan(guarded.plan, guarded.queryType, guarded.notifications);
        }),
      );
    },

    async runSavedQuery(db, query, params, requestedLimit, call) {
      const rowLimit = checkRange('limit', requestedLimit, config.defaultRowLimit, 1, config.maxRowLimit, 'CYPHER_MAX_ROW_LIMIT');
      const bound = bindSavedQueryParams(query, params);
      return guardAndRun(db, query.cypher, bound, rowLimit, config.defaultTimeoutMs, metadataOf(call, `saved.${query.name}`), 'name');
    },
  };
}

/**
 * Runs one analyst call until its deadline. Its transactions are tagged
 * with a fresh `callId`, so that at the deadline exactly they are ended on
 * the server (terminateTransactions) while their connections are dropped
 * (the signal): the request answers TIMEOUT at `timeoutMs` and its
 * concurrency slot is free, even when the server is slow to stop.
 */
function withinDeadline<T>(
  db: Db,
  deadline: number,
  timeoutMs: number,
  metadata: Record<string, unknown>,
  work: (signal: AbortSignal, tagged: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  const callId = randomUUID();
  return runWithDeadline(
    deadline,
    timeoutMs,
    (signal) => work(signal, { ...metadata, callId }),
    () => {
      void terminateTransactions(db.driver, db.database, { callId }).catch(() => undefined);
    },
  );
}

/** Milliseconds left until `deadline`, at least 1 (the server's transaction timeout must be positive). */
function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

/** An optional whole-number argument within [min, max], or its default; BAD_USER_INPUT naming it otherwise. */
function checkRange(argument: string, value: number | null | undefined, fallback: number, min: number, max: number, setting: string): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be a whole number from ${min} to ${max} (${setting}), got ${value}.`, { argument, min, max });
  }
  return value;
}

function toMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number((value as { toString(): string }).toString());
  return Number.isFinite(n) ? n : null;
}
