import type { Viewer } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import type { Db } from '../db';
import type { Loaders } from '../loaders';
import type { ChangeFeed } from '../mutations';
import type { Logger } from './logger';

/** What every resolver gets: made fresh for each request by the context function. */
export interface Context {
  /** This request's view of the executor; counts its own round-trips. */
  db: Db;
  loaders: Loaders;
  /** Who is asking, from the API key (src/auth); resolvers check it with requireRole. */
  viewer: Viewer;
  /** The app's analyst Cypher sandbox (shared by all requests: it holds the concurrency limit). */
  cypher: CypherSandbox;
  /** The app's feed of committed writes (mutations publish, subscriptions read). */
  changes: ChangeFeed;
  config: Config;
  logger: Logger;
  requestId: string;
}
