import type { Ordering } from './entityOrderings';

/** A piece of WHERE clause with its parameters. */
export interface Clause {
  text: string;
  params: Record<string, unknown>;
}

/**
 * The ORDER BY of an ordering: the property (if any), then the id, both in
 * the same direction, so that a (label, name, id) index can serve it.
 */
export function orderByText(ordering: Ordering): string {
  const dir = ordering.descending ? 'DESC' : 'ASC';
  return ordering.property ? `n.${ordering.property} ${dir}, n.id ${dir}` : `n.id ${dir}`;
}

/**
 * "After this cursor" as a keyset condition: the rows that sort after
 * (value, id), so a page is an index range seek plus LIMIT, never a skip
 * over the pages before it. Neo4j sorts missing values last in ascending
 * order and first in descending order, and the conditions follow that.
 * The property name comes from the fixed ORDERINGS table, values only from
 * parameters. Dates travel as ISO strings and are compared as Dates.
 */
export function keysetCondition(ordering: Ordering, value: string | number | null, id: string): Clause {
  const cmp = ordering.descending ? '<' : '>';
  const params = { afterValue: value, afterId: id };
  if (!ordering.property) return { text: `n.id ${cmp} $afterId`, params };
  const prop = `n.${ordering.property}`;
  const at = ordering.property === 'date' ? 'date($afterValue)' : '$afterValue';
  if (!ordering.nullable) {
    // The redundant first conjunct lets the planner seek the index range instead of scanning it.
    return { text: `${prop} ${cmp}= ${at} AND (${prop} ${cmp} ${at} OR ${prop} = ${at} AND n.id ${cmp} $afterId)`, params };
  }
  if (value === null) {
    // The cursor sits among the entities without a value.
    return ordering.descending
      ? { text: `(${prop} IS NOT NULL OR n.id < $afterId)`, params }
      : { text: `(${prop} IS NULL AND n.id > $afterId)`, params };
  }
  return ordering.descending
    ? { text: `(${prop} < ${at} OR ${prop} = ${at} AND n.id < $afterId)`, params }
    : { text: `(${prop} > ${at} OR ${prop} = ${at} AND n.id > $afterId OR ${prop} IS NULL)`, params };
}
