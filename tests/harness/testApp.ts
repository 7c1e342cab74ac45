import type { Config } from '../../src/config';
import type { Db } from '../../src/db';
import { createApp, createLogger, type App } from '../../src/server';
import { openTestDb, testConfig } from './testDb';

/** An app on the run's Neo4j, with a helper to send GraphQL over real HTTP. */
export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  url: string;
  /** POSTs a GraphQL request; returns the HTTP status and parsed body. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
    extensions?: Record<string, any>;
  };
}

/** Builds and starts an app listening on an ephemeral loopback port. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const db = await openTestDb(config);
  const app = await createApp({ config, db, logger: createLogger('silent') });
  const url = await app.listen();
  return {
    app,
    db,
    config,
    url,
    async post(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}
