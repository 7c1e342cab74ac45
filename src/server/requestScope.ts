import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

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

/**
 * First middleware of every request: gives it a request id (the caller's
 * X-Request-Id when plain, else a UUID), sends it back in the X-Request-Id
 * response header, even on errors answered before GraphQL runs, and keeps
 * the request's record on res.locals for the access log.
 */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && PLAIN_ID.test(header) ? header : crypto.randomUUID();
    const record: RequestRecord = { requestId };
    res.locals.requestRecord = record;
    res.setHeader('X-Request-Id', requestId);
    next();
  };
}

/** The record assignRequestId made for this response. */
export function recordOf(res: Response): RequestRecord {
  return (res.locals.requestRecord as RequestRecord | undefined) ?? { requestId: crypto.randomUUID() };
}

/** The record of an Express request (through its response), when it has one. */
export function recordOfRequest(req: Request): RequestRecord | undefined {
  return req.res?.locals.requestRecord as RequestRecord | undefined;
}
