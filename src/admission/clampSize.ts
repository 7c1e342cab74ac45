/**
 * A size argument as the resolver will take it: its default when omitted,
 * and within its allowed range. Values beyond the range are left to the
 * resolver to refuse with its own BAD_USER_INPUT naming the argument.
 */
export function clampSize(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(Math.max(n, min), max);
}
