import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** Extra, client-safe facts about an error: which argument, which value, which limit. */
export type ErrorDetails = Record<string, unknown>;

/**
 * An error meant for the client: its message and details are safe to show.
 * Anything thrown that is not an AppError (or a GraphQL validation error) is
 * masked by formatError.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'AppError';
  }
}

/** A wrong argument: name it, show the value, say what was expected. */
export function badInput(message: string, details: ErrorDetails = {}): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, details);
}

export function notFound(message: string, details: ErrorDetails = {}): AppError {
  return new AppError(ErrorCode.NOT_FOUND, message, details);
}

export function forbidden(message: string, details: ErrorDetails = {}): AppError {
  return new AppError(ErrorCode.FORBIDDEN, message, details);
}

export function unauthenticated(message: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, message);
}
