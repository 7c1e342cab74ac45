import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors';
import type { Logger } from './logger';
import { recordOf } from './requestScope';

/**
 * The HTTP layer's side of the one error door: what fails before GraphQL
 * runs (a body that is not JSON, one over the size limit) gets a GraphQL
 * shaped JSON error with a code, never Express's HTML page with a stack.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error, requestId: recordOf(res).requestId }, 'unexpected error in the HTTP layer');
    const message =
      error?.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : error?.type === 'entity.too.large'
          ? `The request body is larger than the ${error.limit} bytes accepted.`
          : status === 500
            ? 'Internal server error'
            : 'The request could not be read.';
    const code = status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
