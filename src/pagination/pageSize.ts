import type { Config } from '../config';
import { badInput } from '../errors';

/**
 * How many items a list may return: `first` when given, LIST_DEFAULT_LIMIT
 * otherwise. A value beyond LIST_MAX_LIMIT, or below zero, is refused rather
 * than clamped, so a client never silently gets fewer items than it asked for.
 *
 * @param first the client's argument (null or undefined when omitted)
 * @param limits the configured list limits
 * @param argument the argument's name, for the error message
 */
export function pageSize(first: number | null | undefined, limits: Pick<Config['limits'], 'listDefault' | 'listMax'>, argument = 'first'): number {
  if (first === null || first === undefined) return limits.listDefault;
  if (!Number.isInteger(first) || first < 0) {
    throw badInput(`${argument}: expected a whole number from 0 to ${limits.listMax}, got ${first}.`, {
      argument,
      value: first,
      max: limits.listMax,
    });
  }
  if (first > limits.listMax) {
    throw badInput(`${argument}: at most ${limits.listMax} items per page, got ${first}.`, {
      argument,
      value: first,
      max: limits.listMax,
    });
  }
  return first;
}
