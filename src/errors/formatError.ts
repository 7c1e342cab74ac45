import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from './AppError';
import { ErrorCode } from './ErrorCode';

/** Codes graphql-js and Apollo produce for a malformed request; their messages are safe. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLogger {
  error(object: unknown, message: string): void;
}

/**
 * The one door errors leave by. AppErrors and request errors pass with their
 * code; anything else (a bug, a driver error nobody mapped) is logged whole
 * and replaced by a masked INTERNAL_SERVER_ERROR, so no stack trace, Cypher
 * text or server detail reaches a client. Stack traces are always dropped.
 */
export function createFormatError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace: _dropped, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (original instanceof AppError) {
      return { ...formatted, extensions: { ...extensions, code: original.code } };
    }
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    if (code && (REQUEST_CODES.has(code) || (Object.values(ErrorCode) as string[]).includes(code))) {
      if (code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while serving a request');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
