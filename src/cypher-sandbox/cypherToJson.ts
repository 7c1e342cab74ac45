import neo4j, { isInt, isNode, isPath, isPoint, isRelationship, type Integer, type Node, type Path, type Point, type Relationship } from 'neo4j-driver';

/** Names of the coordinate reference systems Neo4j knows, by SRID. */
const CRS_BY_SRID: Record<number, string> = {
  4326: 'wgs-84',
  4979: 'wgs-84-3d',
  7203: 'cartesian',
  9157: 'cartesian-3d',
};

/**
 * Converts any value the driver returns into JSON, losing nothing that JSON
 * can carry (docs/analyst.md has the table):
 *
 * - INTEGER: a number when within ±(2^53 − 1), else a decimal string, so
 *   2^62 arrives exactly;
 * - FLOAT: a number; NaN, Infinity and -Infinity (not JSON) as those strings;
 * - STRING, BOOLEAN, NULL: themselves; LIST and MAP: converted recursively;
 * - BYTES: base64 string;
 * - DATE, TIME, LOCAL TIME, DATETIME, LOCAL DATETIME, DURATION: ISO-8601
 *   strings (a DATETIME with a zone id keeps it: `…+01:00[Europe/Berlin]`);
 * - POINT: { srid, crs, x, y } plus z in 3D;
 * - NODE: { id (elementId), labels, properties };
 * - RELATIONSHIP: { id, type, start, end (elementIds), properties };
 * - PATH: { nodes, relationships }, in path order.
 */
export function cypherToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (isInt(value)) {
    const integer = value as Integer;
    return neo4j.integer.inSafeRange(integer) ? integer.toNumber() : integer.toString();
  }
  if (Array.isArray(value)) return value.map(cypherToJson);
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  const object = value as object;
  if (isNode(object)) return nodeToJson(object as Node);
  if (isRelationship(object)) return relationshipToJson(object as Relationship);
  if (isPath(object)) {
    const path = object as Path;
    return {
      nodes: [path.start, ...path.segments.map((segment) => segment.end)].map(nodeToJson),
      relationships: path.segments.map((segment) => relationshipToJson(segment.relationship)),
    };
  }
  if (isPoint(object)) return pointToJson(object as Point);
  if (isTemporal(object)) return object.toString();
  return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, cypherToJson(v)]));
}

function nodeToJson(node: Node): Record<string, unknown> {
  return { id: node.elementId, labels: [...node.labels], properties: cypherToJson(node.properties) };
}

function relationshipToJson(relationship: Relationship): Record<string, unknown> {
  return {
    id: relationship.elementId,
    type: relationship.type,
    start: relationship.startNodeElementId,
    end: relationship.endNodeElementId,
    properties: cypherToJson(relationship.properties),
  };
}

function pointToJson(point: Point): Record<string, unknown> {
  const srid = cypherToJson(point.srid) as number;
  const json: Record<string, unknown> = { srid, crs: CRS_BY_SRID[srid] ?? null, x: point.x, y: point.y };
  if (point.z !== undefined && point.z !== null) json.z = point.z;
  return json;
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
