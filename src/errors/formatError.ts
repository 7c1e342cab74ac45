import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from './AppError';
import { ErrorCode } from './ErrorCode';

/** Codes graphql-js and Apollo produce for a malformed request; their messages are safe. */
const REQUEST_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/**
 * graphql-js reports an unknown enum value written in the query text (as
 * opposed to sent in variables, which Apollo already answers with
 * BAD_USER_INPUT) as a validation failure. It is the same mistake either
 * way: a wrong argument value, so it gets the same code.
 */
const UNKNOWN_ENUM_VALUE = /does not exist in "\w+" enum|Enum "\w+" cannot represent non-enum value/;

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
    if (code === 'GRAPHQL_VALIDATION_FAILED' && UNKNOWN_ENUM_VALUE.test(formatted.message)) {
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
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
