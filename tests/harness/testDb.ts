import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/config';
import { connectDriver, createDb, type Db } from '../../src/db';
import { TEST_ENV } from './testEnv';

/**
 * The configuration tests run with: the run's Neo4j, an ephemeral HTTP port,
 * quiet logs, and typed reads compiled from their first use, as a repeated
 * one runs in production (tests/integration/compiledExecution.test.ts
 * checks the compiled answers against graphql-js's).
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NEO4J_URI: process.env[TEST_ENV.uri],
    NEO4J_USER: process.env[TEST_ENV.user],
    NEO4J_PASSWORD: process.env[TEST_ENV.password],
    NEO4J_DATABASE: process.env.NEO4J_DATABASE,
    PORT: '0',
    LOG_LEVEL: 'silent',
    GRAPHQL_COMPILE_AFTER: '1',
    ...overrides,
  });
}

/** A driver and executor on the run's Neo4j; close it in afterAll. */
export async function openTestDb(config: Config = testConfig()): Promise<Db & { driver: Driver }> {
  if (config.neo4j.kind !== 'remote') throw new Error('the test harness always connects to the run Neo4j by URI');
  const driver = await connectDriver({ ...config.neo4j });
  return createDb({
    driver,
    database: config.neo4j.database,
    defaultTimeoutMs: config.limits.queryTimeoutMs,
    expensiveSessions: config.admission.expensiveSessions,
  });
}
