import pLimit from 'p-limit';
import { AppError, ErrorCode } from '../errors';

/** Sizes of the limit. */
export interface ConcurrencyLimitOptions {
  /** Calls that may run at once. */
  maxConcurrent: number;
  /** Calls that may wait for a slot; one more is refused at once. */
  maxQueued: number;
}

/** Runs work under the limit, or throws TOO_MANY_REQUESTS when the queue is full. */
export type ConcurrencyLimit = (<T>(work: () => Promise<T>) => Promise<T>) & {
  readonly active: number;
  readonly queued: number;
};

/**
 * A limit on analyst queries running at once, so that a burst of heavy
 * Cypher cannot take every Neo4j worker and connection from the typed API.
 * A few calls wait for a slot; beyond that the call fails at once with
 * TOO_MANY_REQUESTS (HTTP 429) instead of piling up behind slow queries.
 * One limit per app (made in createApp), shared by all its requests.
 */
export function createConcurrencyLimit(options: ConcurrencyLimitOptions): ConcurrencyLimit {
  const limit = pLimit(options.maxConcurrent);
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    // p-limit counts a call as pending from the moment it is queued, so this check sees every call in flight.
    if (limit.activeCount + limit.pendingCount >= options.maxConcurrent + options.maxQueued) {
      return Promise.reject(
        new AppError(
          ErrorCode.TOO_MANY_REQUESTS,
          `Too many analyst queries at once (${options.maxConcurrent} running, ${options.maxQueued} waiting); try again shortly.`,
          { maxConcurrent: options.maxConcurrent, maxQueued: options.maxQueued, http: { status: 429 } },
        ),
      );
    }
    return limit(work);
  };
  return Object.defineProperties(run, {
    active: { get: () => limit.activeCount },
    queued: { get: () => limit.pendingCount },
  }) as ConcurrencyLimit;
}
