import neo4j from 'neo4j-driver';
import { badInput } from '../errors';

/**
 * Turns the `params` argument (GraphQL JSON) into Cypher parameters. It must
 * be a JSON object (or absent); anything else is BAD_USER_INPUT naming the
 * argument. Whole numbers become Cypher INTEGERs (JSON cannot tell 1 from
 * 1.0, and `LIMIT $n` or `range()` need integers); other numbers FLOATs;
 * strings stay strings (use date($s) etc. in the query for temporal values).
 */
export function jsonToParams(params: unknown, argument = 'params'): Record<string, unknown> {
  if (params === null || params === undefined) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw badInput(`${argument} must be a JSON object of parameter values, got ${Array.isArray(params) ? 'a list' : typeof params}.`, {
      argument,
    });
  }
  return Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([key, value]) => [key, toCypherValue(value)]));
}

/** One JSON value as a driver parameter value. */
export function toCypherValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCypherValue(v)]));
  }
  return value;
}
