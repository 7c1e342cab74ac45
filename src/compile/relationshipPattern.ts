import { isRelationType } from '../model';
import type { Direction } from '../relations';

/** The arrow of each direction, written around a relationship's brackets. */
const ARROWS: Record<Direction, readonly [string, string]> = {
  OUTGOING: ['-', '->'],
  INCOMING: ['<-', '-'],
  BOTH: ['-', '-'],
};

/**
 * A relationship pattern such as `-[r:HOLDS_OFFICE|ENVOY_OF]->`. Neo4j skips
 * the other relationships of a node (its per-type chains) only when the
 * pattern names the types; a filter on type(r) comes after every
 * relationship has been read. Types cannot be parameters, so they are
 * written into the text, and only names of the model's allow-list
 * (src/model/relationTypes.ts) ever are: anything else is refused here.
 *
 * @param types the types to follow, in any order; any type when null
 */
export function relationshipPattern(variable: string, types: readonly string[] | null, direction: Direction): string {
  for (const type of types ?? []) {
    if (!isRelationType(type)) throw new Error(`${JSON.stringify(type)} is not a relationship type of the model; it is never written into a query`);
  }
  const [left, right] = ARROWS[direction];
  return `${left}[${variable}${types ? `:${[...types].sort().join('|')}` : ''}]${right}`;
}
