import crypto from 'node:crypto';
import type { Request } from 'express';
import { ANONYMOUS, authenticate } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import type { Db, RequestScope } from '../db';
import { createLoaders } from '../loaders';
import type { Context } from './Context';
import type { Logger } from './logger';

/** What the context function needs from the application. */
export interface ContextDeps {
  config: Config;
  db: Db;
  logger: Logger;
  cypher: CypherSandbox;
}

/**
 * Builds the context of one request: a request-scoped executor (with its own
 * round-trip counter and the request id in the transaction metadata) and
 * fresh DataLoaders over it. Authenticates the request's API key first: an
 * unknown key fails the whole request with UNAUTHENTICATED (HTTP 401)
 * before any resolver runs; no key means the anonymous reader.
 */
export function createContext(deps: ContextDeps, req?: Request): Context {
  const viewer = req ? authenticate(req.headers.authorization, deps.config.auth.apiKeys) : ANONYMOUS;
  const header = req?.headers['x-request-id'];
  const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : crypto.randomUUID();
  const scope: RequestScope = { lane: 'cheap' };
  const db = deps.db.forRequest({ requestId }, scope);
  return {
    db,
    scope,
    loaders: createLoaders(db),
    viewer,
    cypher: deps.cypher,
    config: deps.config,
    logger: deps.logger.child({ requestId }),
    requestId,
  };
}
