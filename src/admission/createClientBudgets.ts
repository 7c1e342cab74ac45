import { RateLimiterMemory, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Role } from '../auth';
import type { Config } from '../config';
import { tooManyRequests } from './tooManyRequests';

/** Where one client stands in its window, for the RateLimit response headers. */
export interface BudgetState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  windowSeconds: number;
}

/** Per-client cost budgets, one per role. */
export interface ClientBudgets {
  /**
   * Charges `cost` to the client's window; throws TOO_MANY_REQUESTS (429,
   * Retry-After, RateLimit headers) when it would go over and charges
   * nothing then. Returns the state after the charge; undefined when the
   * role has no limit.
   */
  charge(client: string, role: Role, cost: number): Promise<BudgetState | undefined>;
  /** Gives back what charge took for a request that was then refused without running; the state after it. */
  refund(client: string, role: Role, cost: number): Promise<BudgetState | undefined>;
}

/**
 * A cost budget per client and time window (RATE_LIMIT_WINDOW_S), sized
 * by role (RATE_LIMIT_READER, _ANALYST, _ADMIN; 0 = no limit). A client is
 * its API key's name, or its address when it sends no key. Requests are
 * charged their estimated cost, at least 1, so a hundred cheap lookups
 * weigh what one wide selection does.
 *
 * State is in this process's memory (rate-limiter-flexible's
 * RateLimiterMemory): with several replicas each one counts on its own.
 * The same library's RateLimiterRedis takes the same calls for a shared
 * count (see README, "Limits and fairness").
 */
export function createClientBudgets(settings: Config['admission']['rateLimit']): ClientBudgets {
  const limiters = new Map<Role, { points: number; limiter: RateLimiterAbstract }>();
  for (const role of ['reader', 'analyst', 'admin'] as const) {
    const points = settings[role];
    if (points > 0) limiters.set(role, { points, limiter: new RateLimiterMemory({ points, duration: settings.windowSeconds, keyPrefix: role }) });
  }
  return {
    async charge(client, role, cost) {
      const entry = limiters.get(role);
      if (!entry) return undefined;
      const points = Math.max(1, Math.ceil(cost));
      const current = await entry.limiter.get(client);
      const used = current?.consumedPoints ?? 0;
      if (used + points > entry.points) {
        const resetSeconds = Math.max(1, Math.ceil((current?.msBeforeNext ?? settings.windowSeconds * 1000) / 1000));
        const state = { limit: entry.points, remaining: Math.max(0, entry.points - used), resetSeconds, windowSeconds: settings.windowSeconds };
        throw tooManyRequests(
          `This client's budget is spent: the request costs ${points.toLocaleString('en-US')}, and ${state.remaining.toLocaleString('en-US')} of ` +
            `${entry.points.toLocaleString('en-US')} remain in this ${settings.windowSeconds} s window; it resets in ${resetSeconds} s.`,
          resetSeconds,
          { reason: 'RATE_LIMITED', cost: points },
          rateLimitHeaders(state),
        );
      }
      return stateOf(entry.points, await entry.limiter.consume(client, points));
    },
    async refund(client, role, cost) {
      const entry = limiters.get(role);
      if (!entry) return undefined;
      // Once the window has reset the charge went with it: a reward now would lend the new window points.
      if (!(await entry.limiter.get(client))) {
        return { limit: entry.points, remaining: entry.points, resetSeconds: settings.windowSeconds, windowSeconds: settings.windowSeconds };
      }
      return stateOf(entry.points, await entry.limiter.reward(client, Math.max(1, Math.ceil(cost))));
    },
  };

  function stateOf(limit: number, after: RateLimiterRes): BudgetState {
    return {
      limit,
      remaining: Math.min(limit, after.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(after.msBeforeNext / 1000)),
      windowSeconds: settings.windowSeconds,
    };
  }
}

/**
 * The RateLimit header fields of the IETF httpapi draft (RateLimit-Limit,
 * -Remaining, -Reset, and RateLimit-Policy with the window), in cost units.
 */
export function rateLimitHeaders(state: BudgetState): Record<string, string> {
  return {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
    'ratelimit-policy': `${state.limit};w=${state.windowSeconds}`,
  };
}
