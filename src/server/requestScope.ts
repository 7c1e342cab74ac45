import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMiddleware } from './HttpMiddleware';

/** What the service learns about one HTTP request as it is served; the access log line is made of it. */
export interface RequestRecord {
  /** The caller's X-Request-Id when it is a plain token, otherwise a fresh UUID; echoed in the response. */
  requestId: string;
  /** The GraphQL operation's name, as its metric label (bounded), once Apollo has resolved it. */
  operation?: string;
  /** The configured name of the API key used, once the request is authenticated. */
  keyName?: string;
}

/** A caller's id is taken as is only when it is short and plain, so it can be logged and echoed safely. */
const PLAIN_ID = /^[\w.-]{1,64}$/;

/** Keyed by Node's request object, which Express extends in place: both HTTP paths (see createApp) find the same record. */
const records = new WeakMap<IncomingMessage, RequestRecord>();

/**
 * First middleware of every request: gives it a request id (the caller's
 * X-Request-Id when plain, else a UUID), sends it back in the X-Request-Id
 * response header, even on errors answered before GraphQL runs, and keeps
 * the request's record for the access log.
 */
export function assignRequestId(): HttpMiddleware {
  return (req: IncomingMessage, res: ServerResponse, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && PLAIN_ID.test(header) ? header : crypto.randomUUID();
    records.set(req, { requestId });
    res.setHeader('X-Request-Id', requestId);
    next();
  };
}

/** The record assignRequestId made for this request (a fresh one if it made none). */
export function recordOf(req: IncomingMessage): RequestRecord {
  return records.get(req) ?? { requestId: crypto.randomUUID() };
}

/** The record of an HTTP request, when assignRequestId made one. */
export function recordOfRequest(req: IncomingMessage): RequestRecord | undefined {
  return records.get(req);
}
