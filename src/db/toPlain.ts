import neo4j, { isInt, isNode, isRelationship, isPath, type Integer } from 'neo4j-driver';

/**
 * Converts a value from the driver into plain JSON-able data for resolvers:
 * integers become numbers (strings when beyond 2^53, so nothing is silently
 * rounded), temporal values ISO-8601 strings, nodes and relationships their
 * properties. The analyst endpoint has its own, fuller conversion.
 *
 * A compiled read returns one nested map per page, so this walks every
 * value of every response: strings, numbers and the driver's plain maps
 * and lists take the short way; only class instances (integers, graph and
 * temporal types) go through the driver's type tests, which profiling
 * showed dominating the conversion when asked of every string.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return value;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (isInt(value)) {
    const integer = value as Integer;
    return neo4j.integer.inSafeRange(integer) ? integer.toNumber() : integer.toString();
  }
  if (isNode(value) || isRelationship(value)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (isPath(value)) return null;
  if (isTemporal(value)) return value.toString();
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) out[key] = toPlain(map[key]);
  return out;
}

function isTemporal(value: object): value is { toString(): string } {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}
