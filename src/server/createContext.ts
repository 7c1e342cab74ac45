import crypto from 'node:crypto';
import type { Request } from 'express';
import { ANONYMOUS, type Viewer } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import type { Db } from '../db';
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
 * fresh DataLoaders over it, for a viewer the caller has already
 * authenticated (createApp does, before any resolver runs: an unknown key
 * or a bad token fails the whole request with UNAUTHENTICATED, HTTP 401).
 */
export function createContext(deps: ContextDeps, req?: Request, viewer: Viewer = ANONYMOUS): Context {
  const header = req?.headers['x-request-id'];
  const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : crypto.randomUUID();
  const db = deps.db.forRequest({ requestId });
  return {
    db,
    loaders: createLoaders(db),
    viewer,
    cypher: deps.cypher,
    config: deps.config,
    logger: deps.logger.child({ requestId }),
    requestId,
  };
}
