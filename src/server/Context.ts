import type { Viewer } from '../auth';
import type { Config } from '../config';
import type { Db } from '../db';
import type { Loaders } from '../loaders';
import type { Logger } from './logger';

/** What every resolver gets: made fresh for each request by the context function. */
export interface Context {
  /** This request's view of the executor; counts its own round-trips. */
  db: Db;
  loaders: Loaders;
  viewer: Viewer;
  config: Config;
  logger: Logger;
  requestId: string;
}
