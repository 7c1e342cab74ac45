import crypto from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, type Viewer } from '../auth';
import type { Config } from '../config';
import type { CypherSandbox } from '../cypher-sandbox';
import { createRequestScope, type Db } from '../db';
import { AppError, ErrorCode } from '../errors';
import { createLoaders } from '../loaders';
import type { ChangeFeed } from '../mutations';
import type { Context } from './Context';
import type { Logger } from './logger';
import { recordOfRequest } from './requestScope';

/** What the context function needs from the application. */
export interface ContextDeps {
  config: Config;
  db: Db;
  logger: Logger;
  cypher: CypherSandbox;
  changes: ChangeFeed;
}

/** Where a request's headers come from: an HTTP request, or a WebSocket's connectionParams. */
export interface RequestHeaders {
  headers: IncomingHttpHeaders | Record<string, unknown>;
}

/** At most this many bookmarks, each at most this long: real ones are a few dozen characters. */
const MAX_BOOKMARKS = 16;
const MAX_BOOKMARK_LENGTH = 1024;

/**
 * Builds the context of one request: a request-scoped executor (with its own
 * round-trip counter, the request id in the transaction metadata, the
 * bookmarks of X-Neo4j-Bookmark, so the request reads what the write that
 * issued them wrote, and the request's scope: one deadline,
 * REQUEST_TIMEOUT_MS, for all its database work, cancelled too when an
 * HTTP client disconnects) and fresh DataLoaders over it, for a viewer the caller
 * has already authenticated (createApp does, before any resolver runs: an
 * unknown key or a bad token fails the whole request with UNAUTHENTICATED).
 * `res` is given for an HTTP request: its closing early cancels the work.
 */
export function createContext(deps: ContextDeps, req?: RequestHeaders, viewer: Viewer = ANONYMOUS, res?: ServerResponse): Context {
  // The id assignRequestId gave an HTTP request (and echoed in X-Request-Id); subscriptions and in-process calls get their own.
  const httpRequest = res ? (req as IncomingMessage) : undefined;
  const record = httpRequest ? recordOfRequest(httpRequest) : undefined;
  if (record) record.keyName = viewer.keyName;
  const header = req?.headers['x-request-id'];
  const requestId = record?.requestId ?? (typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : crypto.randomUUID());
  const scope = createRequestScope({ timeoutMs: deps.config.admission.requestTimeoutMs, maxBytes: deps.config.admission.responseMaxBytes });
  // A client that goes away before its answer is complete cancels the request: its transactions are ended.
  res?.once('close', () => {
    if (!res.writableFinished) scope.cancel(new AppError(ErrorCode.TIMEOUT, 'The client went away; the request was cancelled.'));
  });
  const db = deps.db.forRequest({ requestId }, readBookmarks(req?.headers['x-neo4j-bookmark']), scope);
  return {
    db,
    scope,
    loaders: createLoaders(db),
    viewer,
    cypher: deps.cypher,
    changes: deps.changes,
    config: deps.config,
    logger: deps.logger.child({ requestId }),
    requestId,
    record,
    client: !httpRequest ? undefined : viewer.keyName ? `key:${viewer.keyName}` : `ip:${httpRequest.socket.remoteAddress ?? 'unknown'}`,
  };
}

/** The X-Neo4j-Bookmark header: the bookmarks a mutation returned, comma-separated. */
function readBookmarks(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const text = Array.isArray(value) ? value.join(',') : String(value);
  const bookmarks = text
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (bookmarks.length > MAX_BOOKMARKS || bookmarks.some((b) => b.length > MAX_BOOKMARK_LENGTH || /[^!-~]/.test(b))) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `X-Neo4j-Bookmark: expected at most ${MAX_BOOKMARKS} bookmarks as a mutation returned them, comma-separated, got ${bookmarks.length} value(s) of up to ${Math.max(...bookmarks.map((b) => b.length))} characters.`,
      { header: 'x-neo4j-bookmark', http: { status: 400 } },
    );
  }
  return bookmarks;
}
