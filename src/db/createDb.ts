import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Session } from 'neo4j-driver';
import { isAbandoned } from './abandonSession';
import { awaitAnswer } from './awaitAnswer';
import { mapNeo4jError } from './mapNeo4jError';
import { toPlain } from './toPlain';

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
  /** Runs one read query in a managed read transaction; rows come back as plain objects. */
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
   * request; sessions of a request that sent bookmarks wait for them
   * (causal consistency on a cluster).
   */
  forRequest(metadata?: Record<string, unknown>, bookmarks?: readonly string[]): Db;
  /** How many round-trips this executor (or request view) has made. */
  readonly roundTrips: number;
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
export function createDb(options: DbOptions, baseMetadata: Record<string, unknown> = {}, bookmarks: readonly string[] = []): Db {
  const { driver, database, defaultTimeoutMs, onQuery } = options;
  let roundTrips = 0;
  const openSession = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(bookmarks.length ? { bookmarks: [...bookmarks] } : {}),
    });

  const txConfig = (name: string, opts: QueryOptions = {}) => ({
    timeout: opts.timeoutMs ?? defaultTimeoutMs,
    metadata: { app: 'diplograph', query: name, ...baseMetadata, ...opts.metadata },
  });

  async function run<Row>(mode: 'READ' | 'WRITE', name: string, query: string, params: Params, opts?: QueryOptions) {
    roundTrips += 1;
    const started = performance.now();
    const session = openSession(mode);
    try {
      const work = (tx: ManagedTransaction) => tx.run(query, params);
      const config = txConfig(name, opts);
      const result: QueryResult = await awaitAnswer(
        session,
        mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config),
        config.timeout,
      );
      onQuery?.({ name, ms: performance.now() - started, rows: result.records.length, mode });
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await closeUnlessAbandoned(session);
    }
  }

  async function writeWithBookmarks<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, opts?: QueryOptions) {
    roundTrips += 1;
    const session = openSession('WRITE');
    try {
      const config = txConfig(name, opts);
      const value = await awaitAnswer(session, session.executeWrite(work, config), config.timeout);
      return { value, bookmarks: await session.lastBookmarks() };
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
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
      return openSession(mode);
    },
    forRequest(metadata = {}, requestBookmarks = bookmarks) {
      return createDb(options, { ...baseMetadata, ...metadata }, requestBookmarks);
    },
    get roundTrips() {
      return roundTrips;
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
