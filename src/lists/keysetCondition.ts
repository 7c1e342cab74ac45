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
 * Name orders read the (name, id) index of the label (see applySchema) in
 * its own order, so no sort runs and LIMIT stops early: a scan from the
 * start for the first page, a seek from the cursor's name for the others,
 * so page 1,000 costs what page 1 does. Left to itself the planner may
 * prefer scanning from the start and filtering, which makes late pages
 * ever slower. The label comes from ENTITY_TYPES, never from input.
 */
export function indexHint(label: string, ordering: Ordering, afterCursor: boolean): string {
  if (ordering.property !== 'name') return '';
  return `USING INDEX ${afterCursor ? 'SEEK ' : ''}n:${label}(name, id)`;
}

/**
 * The condition a page without a cursor needs for an index to serve the
 * order: a composite index is only used with a predicate on each of its
 * properties. Names and ids always exist, so it keeps every entity.
 */
export function orderCondition(ordering: Ordering): Clause | null {
  if (ordering.property === 'name') return { text: 'n.name IS NOT NULL AND n.id IS NOT NULL', params: {} };
  if (ordering.property === null) return { text: 'n.id IS NOT NULL', params: {} };
  return null;
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
    // The range on the value alone is what the index seeks; the list comparison then drops the
    // cursor's own ties. Written as an OR, the planner would split it into a union of two seeks
    // and sort their rows again, losing the index order.
    return { text: `${prop} ${cmp}= ${at} AND n.id IS NOT NULL AND [${prop}, n.id] ${cmp} [${at}, $afterId]`, params };
  }
  if (value === null) {
    // The cursor sits among the entities without a value.
    return ordering.descending ? { text: `(${prop} IS NOT NULL OR n.id < $afterId)`, params } : { text: `(${prop} IS NULL AND n.id > $afterId)`, params };
  }
  return ordering.descending
    ? { text: `(${prop} < ${at} OR ${prop} = ${at} AND n.id < $afterId)`, params }
    : { text: `(${prop} > ${at} OR ${prop} = ${at} AND n.id > $afterId OR ${prop} IS NULL)`, params };
}
