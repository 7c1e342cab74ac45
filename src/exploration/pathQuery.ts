import type { Direction } from './SubgraphRecord';

/** The most paths one search returns: the k of `SHORTEST k`, which Neo4j 5.26 takes only as a literal. */
export const PATHS_SEARCH_K = 10;

/** The longest path the search pattern allows; PATHS_MAX_LENGTH and `maxLength` only lower it. */
export const PATHS_LENGTH_CEILING = 6;

/** The hop pattern of each direction; a fixed table, never input (Cypher takes no direction parameter). */
const HOPS: Record<Direction, string> = {
  OUTGOING: '(:Entity)-[r]->(:Entity)',
  INCOMING: '(:Entity)<-[r]-(:Entity)',
  BOTH: '(:Entity)-[r]-(:Entity)',
};

/**
 * The k shortest paths between two entities, shortest first.
 *
 * `SHORTEST k` is a breadth-first search from both ends that stops once it
 * has k paths: it never enumerates every path between two nodes, so a
 * dense graph costs a bounded search, not a combinatorial one (the
 * transaction timeout bounds what is left). The type filter and the length
 * limit sit inside the path pattern, so they prune the search instead of
 * filtering its results. Returns each path's entities and relationships in
 * walking order.
 *
 * Parameters: from, to, types (null for any), maxLength.
 */
function pathQuery(direction: Direction): string {
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST ${PATHS_SEARCH_K} (
  (a)(${HOPS[direction]} WHERE $types IS NULL OR type(r) IN $types){1,${PATHS_LENGTH_CEILING}}(b)
  WHERE size(r) <= $maxLength
)
RETURN length(p) AS length,
  [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
  [rel IN relationships(p) | {
    from: startNode(rel).id,
    type: type(rel),
    to: endNode(rel).id,
    properties: properties(rel)
  }] AS edges
ORDER BY length
`;
}

/** The path query of each direction (see pathQuery). */
export const PATH_QUERIES: Readonly<Record<Direction, string>> = {
  OUTGOING: pathQuery('OUTGOING'),
  INCOMING: pathQuery('INCOMING'),
  BOTH: pathQuery('BOTH'),
};
