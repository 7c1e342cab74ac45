import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { connectDriver, createDb } from '../../src/db';
import { applySchema, defaultSeedFiles, loadSeedFiles } from '../../src/ingest';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local';
import { TEST_ENV } from '../harness/testEnv';

/**
 * Starts one throwaway Neo4j for the run (fresh data folder, free port),
 * unless NEO4J_URI points at a server to use; applies the schema, and hands
 * the connection to the test files through environment variables, which the
 * workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USER ?? 'neo4j';
  let password = process.env.NEO4J_PASSWORD ?? '';
  if (!uri) {
    const config = loadConfig({ ...process.env, NEO4J_HEAP: '768m', NEO4J_PAGECACHE: '256m' });
    if (config.neo4j.kind !== 'local') throw new Error('unreachable: NEO4J_URI is not set');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-test-neo4j-'));
    const started = Date.now();
    const local: LocalNeo4j = await startLocalNeo4j({
      ...config.neo4j,
      dataDir,
      boltPort: 0,
      password: undefined,
      log: (m) => process.stdout.write(`\n[test neo4j] ${m}`),
    }).catch((error: unknown) => {
      // globalTeardown does not run when set-up fails: leave no data folder behind.
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    process.stdout.write(`\n[test neo4j] ready on ${local.uri} in ${Date.now() - started} ms\n`);
    (globalThis as Record<string, unknown>).__testNeo4j = { local, dataDir };
    process.env[TEST_ENV.dataDir] = dataDir;
    ({ uri, user, password } = local);
  }
  process.env[TEST_ENV.uri] = uri;
  process.env[TEST_ENV.user] = user;
  process.env[TEST_ENV.password] = password;

  const driver = await connectDriver({ uri, user, password, connectTimeoutMs: 30_000 });
  const db = createDb({ driver, database: process.env.NEO4J_DATABASE ?? 'neo4j', defaultTimeoutMs: 60_000 });
  try {
    await applySchema(db);
    // Every test file sees the seeded article graph; loading is idempotent, so a reused server is fine too.
    await loadSeedFiles(db, defaultSeedFiles());
  } finally {
    await db.close();
  }
}
