import crypto from 'node:crypto';
import type { Request } from 'express';
import { ANONYMOUS, authenticate } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import { createRequestScope, type Db } from '../db';
import { AppError, ErrorCode } from '../errors';
import { createLoaders } from '../loaders';
import type { Context } from './Context';
import type { Logger } from './logger';
import { recordOfRequest } from './requestScope';

/** What the context function needs from the application. */
export interface ContextDeps {
  config: Config;
  db: Db;
  logger: Logger;
  cypher: CypherSandbox;
}

/**
 * Builds the context of one request: a request-scoped executor (with its own
 * round-trip counter, the request id in the transaction metadata, and the
 * request's scope: one deadline, REQUEST_TIMEOUT_MS, for all its database
 * work, cancelled too when the client disconnects) and
 * fresh DataLoaders over it. Authenticates the request's API key first: an
 * unknown key fails the whole request with UNAUTHENTICATED (HTTP 401)
 * before any resolver runs; no key means the anonymous reader.
 */
export function createContext(deps: ContextDeps, req?: Request): Context {
  const viewer = req ? authenticate(req.headers.authorization, deps.config.auth.apiKeys) : ANONYMOUS;
  // The id assignRequestId gave the HTTP request (and echoed in X-Request-Id); in-process calls get their own.
  const record = req ? recordOfRequest(req) : undefined;
  if (record) record.keyName = viewer.keyName;
  const requestId = record?.requestId ?? crypto.randomUUID();
  const scope = createRequestScope({ timeoutMs: deps.config.admission.requestTimeoutMs, maxBytes: deps.config.admission.responseMaxBytes });
  // A client that goes away before its answer is complete cancels the request: its transactions are ended.
  req?.res?.once('close', () => {
    if (!req.res?.writableFinished) scope.cancel(new AppError(ErrorCode.TIMEOUT, 'The client went away; the request was cancelled.'));
  });
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
    client: !req ? undefined : viewer.keyName ? `key:${viewer.keyName}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`,
  };
}
