import neo4j, { isInt, isNode, isRelationship, isPath, type Integer } from 'neo4j-driver';

/**
 * Converts a value from the driver into plain JSON-able data for resolvers:
 * integers become numbers (strings when beyond 2^53, so nothing is silently
 * rounded), temporal values ISO-8601 strings, nodes and relationships their
 * properties. The analyst endpoint has its own, fuller conversion.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    const integer = value as Integer;
    return neo4j.integer.inSafeRange(integer) ? integer.toNumber() : integer.toString();
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value as object) || isRelationship(value as object)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (isPath(value as object)) return null;
  if (isTemporal(value)) return value.toString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

function isTemporal(value: unknown): value is { toString(): string } {
  return (
    neo4j.isDate(value as object) ||
    neo4j.isDateTime(value as object) ||
    neo4j.isLocalDateTime(value as object) ||
    neo4j.isLocalTime(value as object) ||
    neo4j.isTime(value as object) ||
    neo4j.isDuration(value as object)
  );
}
