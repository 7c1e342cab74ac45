import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors';
import type { Logger } from './logger';
import { recordOf } from './requestScope';
import { sendJson } from './sendJson';

/** Answers an error raised in the HTTP layer; see httpErrorHandler. */
export type HttpErrorResponder = (error: unknown, req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP layer's side of the one error door: what fails before GraphQL
 * runs (a body that is not JSON, one over the size limit) gets a GraphQL
 * shaped JSON error with a code, never Express's HTML page with a stack.
 * Used by Express and by the direct GraphQL path alike.
 */
export function httpErrorResponder(logger: Logger): HttpErrorResponder {
  return (error, req, res) => {
    const failure = (error ?? {}) as { status?: unknown; type?: unknown; limit?: unknown };
    const status = typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500 ? failure.status : 500;
    if (status === 500) logger.error({ err: error, requestId: recordOf(req).requestId }, 'unexpected error in the HTTP layer');
    const message =
      failure.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : failure.type === 'entity.too.large'
          ? `The request body is larger than the ${failure.limit} bytes accepted.`
          : status === 500
            ? 'Internal server error'
            : 'The request could not be read.';
    const code = status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
    sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  };
}

/** httpErrorResponder as Express's last error handler. */
export function httpErrorHandler(respond: HttpErrorResponder): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    respond(error, req, res);
  };
}
