import type { BudgetState, CostEstimate } from '../admission';
import type { Viewer } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import type { Db, RequestScope } from '../db';
import type { Loaders } from '../loaders';
import type { ChangeFeed } from '../mutations';
import type { Logger } from './logger';
import type { RequestRecord } from './requestScope';

/** What every resolver gets: made fresh for each request by the context function. */
export interface Context {
  /** This request's view of the executor; counts its own round-trips. */
  db: Db;
  /** What the executor knows of this request: its lane (set by admission control). */
  scope: RequestScope;
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
  /** The HTTP request's record, which its access log line is made of; absent for subscriptions and in-process calls. */
  record?: RequestRecord;
  /**
   * Who is charged for the request: `key:<name>` of its API key, or
   * `ip:<address>` of an anonymous reader; undefined for in-process calls
   * (App.execute: tests, benchmarks, tools), which have no budget.
   */
  client?: string;
  /** The operation's cost estimate, set by the cost plugin (or the read lane) once the operation and its variables are known. */
  cost?: CostEstimate;
  /** The request's charge to its client's budget once made, or its refusal: made once per request (chargeBudget). */
  charge?: { state: BudgetState | undefined } | { refusal: unknown };
}
