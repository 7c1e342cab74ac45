import type { Direction } from './SubgraphRecord';

/**
 * The relationship pattern of each direction. Cypher cannot take a direction
 * as a parameter, and filtering `startNode(r) = a` after the fact would read
 * the other direction's relationships too; so each direction gets its own
 * constant, built once from this fixed table (never from input).
 */
const PATTERNS: Record<Direction, { rel: string; degree: string }> = {
  OUTGOING: { rel: '-[r]->', degree: '-->' },
  INCOMING: { rel: '<-[r]-', degree: '<--' },
  BOTH: { rel: '-[r]-', degree: '--' },
};

/**
 * One ring of an expansion: the relationships of the frontier nodes, and the
 * entities at their other ends.
 *
 * Its cost is bounded by the caps, whatever the degree of the frontier:
 * - `LIMIT $scanLimit` comes straight after the expansion, before any filter,
 *   so the relationships of a hub are read lazily and at most scanLimit of
 *   them are ever touched, even when the filters drop most of them;
 * - `LIMIT $rowLimit` (the caller passes its remaining edge budget plus one)
 *   stops the read as soon as enough rows passed the filters; the extra row
 *   tells the caller that there was more.
 * `frontierDegree` comes from the degree counters of the store (no
 * relationship is read for it): when it exceeds scanLimit, the scan may have
 * stopped early and the caller reports the subgraph as truncated.
 *
 * Parameters: frontier (ids), skip (ids whose relationships were already
 * read, and ids the client excluded), types and labels (null for any),
 * scanLimit, rowLimit.
 */
function ringQuery(direction: Direction): string {
  const { rel, degree } = PATTERNS[direction];
  return `
CALL () {
  UNWIND $frontier AS frontierId
  MATCH (a:Entity {id: frontierId})
  RETURN sum(COUNT { (a)${degree}() }) AS frontierDegree
}
CALL () {
  UNWIND $frontier AS frontierId
  MATCH (a:Entity {id: frontierId})${rel}(b)
  WITH r, b LIMIT toInteger($scanLimit)
  WHERE b:Entity
    AND r.retracted IS NULL
    AND ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR any(l IN labels(b) WHERE l IN $labels))
    AND NOT b.id IN $skip
  WITH r, b LIMIT toInteger($rowLimit)
  RETURN collect({
    from: startNode(r).id,
    type: type(r),
    to: endNode(r).id,
    properties: properties(r),
    neighbour: b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] }
  }) AS hits
}
RETURN frontierDegree, hits
`;
}

/** The ring query of each direction (see ringQuery). */
export const RING_QUERIES: Readonly<Record<Direction, string>> = {
  OUTGOING: ringQuery('OUTGOING'),
  INCOMING: ringQuery('INCOMING'),
  BOTH: ringQuery('BOTH'),
};
