import { HeaderMap } from '@apollo/server';
import { AppError, ErrorCode, type ErrorDetails } from '../errors';

/**
 * TOO_MANY_REQUESTS with HTTP 429 and a Retry-After header (whole seconds,
 * at least 1), plus any other headers given (the RateLimit fields).
 */
export function tooManyRequests(message: string, retryAfterSeconds: number, details: ErrorDetails = {}, headers: Record<string, string> = {}): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, message, {
    ...details,
    retryAfter,
    // Apollo turns extensions.http into the HTTP status and headers, then removes it.
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)], ...Object.entries(headers)]) },
  });
}
