import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type NotificationFilter, type QueryResult, type Session } from 'neo4j-driver';
import { createPermitPool, type PermitPool } from '../admission/createPermitPool';
import { createRequestScope, type RequestScope } from './createRequestScope';
import { isAbandoned } from './abandonSession';
import { awaitAnswer } from './awaitAnswer';
import { mapNeo4jError } from './mapNeo4jError';
import { terminateTransactions } from './terminateTransactions';
import { plainRows } from './plainRows';
import { withoutStackTrace } from './withoutStackTrace';

/** Plain parameters of a Cypher query; values only, never query text. */
export type Params = Record<string, unknown>;

/** Per-call options. */
export interface QueryOptions {
  /** Transaction timeout; defaults to the executor's. */
  timeoutMs?: number;
  /** Extra transaction metadata, visible in SHOW TRANSACTIONS and the query log. */
  metadata?: Record<string, unknown>;
}

/** Per-executor options. */
export interface DbOptions {
  driver: Driver;
  database: string;
  defaultTimeoutMs: number;
  /** Called after each round-trip; the logging plugin uses it for debug lines. */
  onQuery?: (event: { name: string; ms: number; rows: number; mode: 'READ' | 'WRITE' }) => void;
  /**
   * How long a read whose failure the driver calls retriable (a connection
   * lost, a cluster's leader switch) is tried again; NEO4J_MAX_RETRY_TIME_MS.
   */
  maxRetryTimeMs?: number;
  /**
   * Sessions that requests in the expensive lane may hold at once
   * (ADMISSION_EXPENSIVE_SESSIONS); the rest of the driver's pool stays free
   * for cheap requests. Unbounded when omitted.
   */
  expensiveSessions?: number;
}

/**
 * The one module that talks to Neo4j. Resolvers, loaders, the seed loader and
 * the analyst sandbox reach the database only through a Db: it picks read or
 * write transactions (so a neo4j:// cluster routes reads to followers), names
 * the database, applies a timeout to every transaction, tags it with
 * metadata, closes sessions in `finally`, maps driver errors to AppErrors,
 * and counts round-trips so tests can prove that batching works.
 */
export interface Db {
  /** Runs one read query in an auto-commit read transaction (tried again on a retriable failure); rows come back as plain objects. */
  read<Row = Record<string, unknown>>(name: string, query: string, params?: Params, options?: QueryOptions): Promise<Row[]>;
  /** Runs one write query in a managed write transaction. */
  write<Row = Record<string, unknown>>(name: string, query: string, params?: Params, options?: QueryOptions): Promise<Row[]>;
  /** Runs several statements in one write transaction (all or nothing). */
  writeTransaction<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options?: QueryOptions): Promise<T>;
  /**
   * writeTransaction that also returns the bookmarks of the commit: a
   * client that sends them back (X-Neo4j-Bookmark) reads this write even
   * from a cluster member that has not applied it yet.
   */
  writeTransactionWithBookmarks<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options?: QueryOptions,
  ): Promise<{ value: T; bookmarks: string[] }>;
  /**
   * Opens a session for callers that must stream results themselves (the
   * analyst sandbox). The caller must close it; prefer read/write.
   */
  openSession(mode: 'READ' | 'WRITE'): Session;
  /**
   * The same executor with its own round-trip counter, made once per
   * request; `metadata` tags its transactions (its `requestId` is how they
   * are found again to end them); sessions of a request that sent
   * bookmarks wait for them (causal consistency on a cluster); `scope`
   * carries its lane, its deadline and its cancellation: once the scope is
   * cancelled nothing more starts, and what runs is ended on the server.
   */
  forRequest(metadata?: Record<string, unknown>, bookmarks?: readonly string[], scope?: RequestScope): Db;
  /** How many round-trips this executor (or request view) has made. */
  readonly roundTrips: number;
  /** Aborted, with the reason as an AppError, when this request was stopped (deadline, client gone, response too large); its scope's signal. */
  readonly signal: AbortSignal;
  readonly database: string;
  readonly driver: Driver;
  readonly defaultTimeoutMs: number;
  /** The server's product version, e.g. "5.26.30", and edition; `timeoutMs` bounds the round-trip. */
  serverInfo(timeoutMs?: number): Promise<{ version: string; edition: string }>;
  close(): Promise<void>;
}

/**
 * Closes a session in `finally`. A session given up by awaitAnswer is
 * already closing in the background: waiting here would wait on the frozen
 * server again.
 */
async function closeUnlessAbandoned(session: Session): Promise<void> {
  if (isAbandoned(session)) return;
  await session.close();
}

/** Creates the executor; the caller owns the driver's lifetime through close(). */
export function createDb(options: DbOptions): Db {
  const expensiveSessions = options.expensiveSessions
    ? createPermitPool({
        maxConcurrent: options.expensiveSessions,
        // Requests in the lane are already bounded by admission control; their sessions only wait for each other.
        maxQueued: Infinity,
        queueTimeoutMs: 0,
        refusal: () => new Error('unreachable: the session queue is unbounded'),
      })
    : undefined;
  return createView(options, {}, createRequestScope(), expensiveSessions, []);
}

/** No notifications at all (see openSession in createView). */
const SILENT: NotificationFilter = { minimumSeverityLevel: 'OFF' };

/** Backoff between attempts of a read that failed retriably: doubling, with jitter. */
const RETRY_FIRST_DELAY_MS = 100;
const RETRY_MAX_DELAY_MS = 1_000;

/** Attempts to end a cancelled request's transactions while some of its work is still in flight. */
const TERMINATE_ATTEMPTS = 20;
const TERMINATE_INTERVAL_MS = 100;

function createView(
  options: DbOptions,
  baseMetadata: Record<string, unknown>,
  scope: RequestScope,
  expensiveSessions: PermitPool | undefined,
  bookmarks: readonly string[],
): Db {
  const { driver, database, defaultTimeoutMs, onQuery, maxRetryTimeMs = 3_000 } = options;
  let roundTrips = 0;
  /**
   * A session for the application's own statements, which never read the
   * server's notifications: Neo4j sends none to them. On a graph where no
   * relationship is retracted yet, every read drew a warning per
   * `r.retracted` (the property does not exist), which Neo4j wrote and the
   * driver decoded for each request: 0.07 ms of Node per W4 read of
   * `npm run bench:limit`. The analyst's sessions (Db.openSession) keep
   * them: the sandbox reports them.
   */
  const openSession = (mode: 'READ' | 'WRITE', notifications = false) =>
    driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(bookmarks.length ? { bookmarks: [...bookmarks] } : {}),
      ...(notifications ? {} : { notificationFilter: SILENT }),
    });
  /** Transactions and sessions of this view that have started and not yet finished. */
  let inFlight = 0;

  /** Throws the scope's reason when the request was cancelled: nothing new starts for it. */
  const checkScope = () => {
    if (scope.reason) throw scope.reason;
  };

  /**
   * Ends this request's transactions on the server when its scope is
   * cancelled. A transaction may be opening at that very moment, so the
   * listing is repeated while work of the view is still in flight.
   */
  const requestId = baseMetadata.requestId;
  if (requestId !== undefined) {
    scope.onCancel(() => {
      void (async () => {
        for (let attempt = 0; attempt < TERMINATE_ATTEMPTS && inFlight > 0; attempt += 1) {
          await terminateTransactions(driver, database, { requestId }).catch(() => 0);
          if (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, TERMINATE_INTERVAL_MS));
        }
      })();
    });
  }

  /** The transaction timeout: the call's own, cut to what is left of the request's deadline. */
  const timeoutFor = (opts: QueryOptions = {}) => {
    const own = opts.timeoutMs ?? defaultTimeoutMs;
    if (scope.deadline === Infinity) return own;
    return Math.max(1, Math.min(own, Math.ceil(scope.deadline - Date.now())));
  };

  /** A cancelled request reports why it was stopped, not the termination error the driver saw. */
  const failure = (error: unknown) => scope.reason ?? mapNeo4jError(error);

  /** Waits for a session slot of the expensive lane when this request is in it; returns the release. */
  const laneSlot = async (): Promise<() => void> => (scope.lane === 'expensive' && expensiveSessions ? expensiveSessions.acquire() : () => {});

  const txConfig = (name: string, opts: QueryOptions = {}) => ({
    timeout: timeoutFor(opts),
    metadata: { app: 'diplograph', query: name, ...baseMetadata, ...opts.metadata },
  });

  /**
   * One read statement as an auto-commit transaction: RUN and PULL leave in
   * one flush, with no BEGIN and COMMIT round-trips (a managed transaction
   * sends two more messages and waits for one more answer). A read can be
   * run again safely, so a failure the driver calls retriable (a connection
   * lost, a leader switch) is tried again within maxRetryTimeMs, as the
   * driver retries managed transactions; never a cancelled request.
   */
  async function autoCommitRead(session: Session, query: string, params: Params, config: ReturnType<typeof txConfig>): Promise<QueryResult> {
    const started = Date.now();
    for (let delay = RETRY_FIRST_DELAY_MS; ; delay = Math.min(delay * 2, RETRY_MAX_DELAY_MS)) {
      checkScope();
      try {
        return await withoutStackTrace(() => session.run(query, params, config));
      } catch (error) {
        if (!Neo4jError.isRetryable(error) || Date.now() - started + delay > maxRetryTimeMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + Math.random() * 0.4)));
      }
    }
  }

  async function run<Row>(mode: 'READ' | 'WRITE', name: string, query: string, params: Params, opts?: QueryOptions) {
    roundTrips += 1;
    checkScope();
    const started = performance.now();
    const release = await laneSlot();
    inFlight += 1;
    const session = openSession(mode);
    try {
      const config = txConfig(name, opts);
      // Checked again on every attempt: the driver retries transient failures, never a cancelled request.
      const work = (tx: ManagedTransaction) => (checkScope(), tx.run(query, params));
      const result: QueryResult = await awaitAnswer(
        session,
        mode === 'READ' ? autoCommitRead(session, query, params, config) : session.executeWrite(work, config),
        config.timeout,
      );
      onQuery?.({ name, ms: performance.now() - started, rows: result.records.length, mode });
      const { rows, bytes } = plainRows<Row>(result.records);
      scope.addBytes(bytes);
      checkScope();
      return rows;
    } catch (error) {
      throw failure(error);
    } finally {
      inFlight -= 1;
      // The transaction is over: handing the connection back to the pool is nothing the caller must wait for
      // (and a session awaitAnswer gave up on is already closing in the background).
      if (isAbandoned(session)) release();
      else
        void session
          .close()
          .catch(() => {})
          .finally(release);
    }
  }

  async function writeWithBookmarks<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, opts?: QueryOptions) {
    roundTrips += 1;
    checkScope();
    inFlight += 1;
    const session = openSession('WRITE');
    try {
      const config = txConfig(name, opts);
      const value = await awaitAnswer(
        session,
        session.executeWrite((tx) => (checkScope(), work(tx)), config),
        config.timeout,
      );
      return { value, bookmarks: await session.lastBookmarks() };
    } catch (error) {
      throw failure(error);
    } finally {
      inFlight -= 1;
      await closeUnlessAbandoned(session);
    }
  }

  return {
    read: (name, query, params = {}, opts) => run('READ', name, query, params, opts),
    write: (name, query, params = {}, opts) => run('WRITE', name, query, params, opts),
    async writeTransaction(name, work, opts) {
      return (await writeWithBookmarks(name, work, opts)).value;
    },
    writeTransactionWithBookmarks: (name, work, opts) => writeWithBookmarks(name, work, opts),
    openSession(mode) {
      roundTrips += 1;
      checkScope();
      inFlight += 1;
      const session = openSession(mode, true);
      // The caller streams on its own; the session counts as in flight (for cancellation) until it is closed.
      const close = session.close.bind(session);
      let open = true;
      session.close = async () => {
        if (open) [open, inFlight] = [false, inFlight - 1];
        return close();
      };
      return session;
    },
    forRequest(metadata = {}, requestBookmarks = bookmarks, requestScope = createRequestScope()) {
      return createView(options, { ...baseMetadata, ...metadata }, requestScope, expensiveSessions, requestBookmarks);
    },
    get roundTrips() {
      return roundTrips;
    },
    get signal() {
      return scope.signal;
    },
    database,
    driver,
    defaultTimeoutMs,
    async serverInfo(timeoutMs) {
      const rows = await run<{ version: string; edition: string }>(
        'READ',
        'serverInfo',
        'CALL dbms.components() YIELD name, versions, edition WHERE name = "Neo4j Kernel" RETURN versions[0] AS version, edition',
        {},
        timeoutMs ? { timeoutMs } : undefined,
      );
      return rows[0] ?? { version: 'unknown', edition: 'unknown' };
    },
    close: () => driver.close(),
  };
}
