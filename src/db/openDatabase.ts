import type { Config } from '../config';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local';
import { connectDriver } from './connectDriver';
import { createDb, type Db, type DbOptions } from './createDb';

/** The database the service talks to, and the local server behind it when there is one. */
export interface OpenDatabase {
  db: Db;
  /** Present when this process started (or reused) the local Neo4j. */
  local?: LocalNeo4j;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI when it is set; otherwise starts (or reuses) the
 * local Neo4j of NEO4J_DATA_DIR first. Either way, the returned executor has
 * already reached the server.
 */
export async function openDatabase(config: Config, log: (message: string) => void, onQuery?: DbOptions['onQuery']): Promise<OpenDatabase> {
  const target = config.neo4j;
  let local: LocalNeo4j | undefined;
  let credentials: { uri: string; user: string; password: string };
  if (target.kind === 'local') {
    local = await startLocalNeo4j({ ...target, log });
    credentials = local;
  } else {
    credentials = target;
  }
  try {
    const { connectTimeoutMs, maxRetryTimeMs, acquisitionTimeoutMs, connectionTimeoutMs } = target;
    const driver = await connectDriver({ ...credentials, connectTimeoutMs, maxRetryTimeMs, acquisitionTimeoutMs, connectionTimeoutMs, log });
    const db = createDb({
      driver,
      database: target.database,
      defaultTimeoutMs: config.limits.queryTimeoutMs,
      maxRetryTimeMs,
      onQuery,
      expensiveSessions: config.admission.expensiveSessions,
    });
    return {
      db,
      local,
      async close() {
        await db.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}
