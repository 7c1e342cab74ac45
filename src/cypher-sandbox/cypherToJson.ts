import type { GraphCollector } from './GraphCollector';
import { INTERNAL_PROPERTIES } from './internalProperties';
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
 * - NODE: { id (the entity id; the elementId for a node without one),
 *   elementId, labels, properties };
 * - RELATIONSHIP: { id, type, start, end (elementIds), properties };
 * - PATH: { nodes, relationships }, in path order.
 *
 * Internal properties (INTERNAL_PROPERTIES) are dropped from nodes,
 * relationships and maps. With a collector, every node and relationship
 * met is also recorded for the graph view of the result.
 */
export function cypherToJson(value: unknown, collector?: GraphCollector): unknown {
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
  if (Array.isArray(value)) return value.map((item) => cypherToJson(item, collector));
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  const object = value as object;
  if (isNode(object)) return nodeToJson(object as Node, collector);
  if (isRelationship(object)) return relationshipToJson(object as Relationship, collector);
  if (isPath(object)) {
    const path = object as Path;
    return {
      nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) => nodeToJson(node, collector)),
      relationships: path.segments.map((segment) => relationshipToJson(segment.relationship, collector)),
    };
  }
  if (isPoint(object)) return pointToJson(object as Point);
  if (isTemporal(object)) return object.toString();
  return publicProperties(object, collector);
}

/** A map's or an element's properties, converted, without the internal ones. */
function publicProperties(object: object, collector?: GraphCollector): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => !INTERNAL_PROPERTIES.has(key))
      .map(([key, v]) => [key, cypherToJson(v, collector)]),
  );
}

function nodeToJson(node: Node, collector?: GraphCollector): Record<string, unknown> {
  const properties = publicProperties(node.properties);
  const entityId = typeof properties.id === 'string' ? properties.id : null;
  const labels = [...node.labels];
  collector?.nodes.set(node.elementId, {
    elementId: node.elementId,
    id: entityId,
    type: labels.find((label) => label !== 'Entity')?.toUpperCase() ?? null,
    name: typeof properties.name === 'string' ? properties.name : null,
  });
  return { id: entityId ?? node.elementId, elementId: node.elementId, labels, properties };
}

function relationshipToJson(relationship: Relationship, collector?: GraphCollector): Record<string, unknown> {
  const properties = publicProperties(relationship.properties);
  collector?.relationships.set(relationship.elementId, {
    elementId: relationship.elementId,
    type: relationship.type,
    startElementId: relationship.startNodeElementId,
    endElementId: relationship.endNodeElementId,
    properties,
  });
  return {
    id: relationship.elementId,
    type: relationship.type,
    start: relationship.startNodeElementId,
    end: relationship.endNodeElementId,
    properties,
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
