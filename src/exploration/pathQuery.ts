import type { Direction } from './SubgraphRecord';

/** The longest path the search patterns allow (a quantifier takes only literals); PATHS_MAX_LENGTH and `maxLength` only lower it. */
export const PATHS_LENGTH_CEILING = 6;

/** The most paths one search returns, so that thousands of equally short paths between two hubs stay a bounded answer. */
export const PATHS_PER_SEARCH = 100;

/** The hop pattern of each direction; a fixed table, never input (Cypher takes no direction parameter). */
const HOPS: Record<Direction, string> = {
  OUTGOING: '(:Entity)-[r]->(y:Entity)',
  INCOMING: '(:Entity)<-[r]-(y:Entity)',
  BOTH: '(:Entity)-[r]-(y:Entity)',
};

const RETURN_PATH = `
RETURN length(p) AS length,
  [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
  [rel IN relationships(p) | {
    from: startNode(rel).id,
    type: type(rel),
    to: endNode(rel).id,
    properties: properties(rel)
  }] AS edges`;

/*
 * Why ALL SHORTEST and detours, not `SHORTEST k`: on Neo4j 5.26, SHORTEST k
 * with k > 1 (and SHORTEST k GROUPS) must rule out walks that reuse a
 * relationship, and near a hub it explores walks through the hub back and
 * forth: two leaves of a 20,000-relationship hub ran past 20 s. ALL SHORTEST
 * is a plain breadth-first search from both ends (tens of thousands of db
 * hits on the same hub), and so is each detour search below.
 */

/**
 * Every shortest path between two entities (all of the least length), at
 * most PATHS_PER_SEARCH of them. The type filter is inlined into the
 * search; the length limit is checked on the result, which is shortest
 * anyway. Parameters: from, to, types (null for any), maxLength.
 */
function shortestPathsQuery(direction: Direction): string {
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)(${HOPS[direction]} WHERE ($types IS NULL OR type(r) IN $types) AND r.retracted IS NULL){1,${PATHS_LENGTH_CEILING}}(b)
WHERE length(p) <= $maxLength
WITH p LIMIT ${PATHS_PER_SEARCH}
${RETURN_PATH}`;
}

/**
 * The next paths after the shortest ones: for each entity on a shortest path
 * (the `avoid` list), the shortest paths that go around it. One breadth-first
 * search per avoided entity, so the cost is bounded by the length of that
 * list, never by the number of paths in the graph. Parameters: from, to,
 * types, maxLength, avoid (ids).
 */
function detourPathsQuery(direction: Direction): string {
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
UNWIND $avoid AS avoidId
CALL (a, b, avoidId) {
  MATCH p = ALL SHORTEST (a)(${HOPS[direction]} WHERE ($types IS NULL OR type(r) IN $types) AND r.retracted IS NULL AND y.id <> avoidId){1,${PATHS_LENGTH_CEILING}}(b)
  WHERE length(p) <= $maxLength
  RETURN p LIMIT ${PATHS_PER_SEARCH}
}
${RETURN_PATH}`;
}

/** The shortest-paths query of each direction (see shortestPathsQuery). */
export const SHORTEST_PATHS_QUERIES: Readonly<Record<Direction, string>> = {
  OUTGOING: shortestPathsQuery('OUTGOING'),
  INCOMING: shortestPathsQuery('INCOMING'),
  BOTH: shortestPathsQuery('BOTH'),
};

/** The detour query of each direction (see detourPathsQuery). */
export const DETOUR_PATHS_QUERIES: Readonly<Record<Direction, string>> = {
  OUTGOING: detourPathsQuery('OUTGOING'),
  INCOMING: detourPathsQuery('INCOMING'),
  BOTH: detourPathsQuery('BOTH'),
};
