/**
 * The orders a list of entities can take: the GraphQL EntityOrder and
 * DatedEntityOrder values. Each sorts on at most one property and then on
 * the id, so the order is total and a cursor (the sort values of one item)
 * points at exactly one place in the list.
 */
export interface Ordering {
  /** The sort property before the id; null for ID_* orders. Fixed names, safe in query text. */
  property: 'name' | 'date' | null;
  descending: boolean;
  /** True when the property may be missing (dates); names and ids never are. */
  nullable: boolean;
}

export const ORDERINGS = {
  NAME_ASC: { property: 'name', descending: false, nullable: false },
  NAME_DESC: { property: 'name', descending: true, nullable: false },
  ID_ASC: { property: null, descending: false, nullable: false },
  ID_DESC: { property: null, descending: true, nullable: false },
  DATE_ASC: { property: 'date', descending: false, nullable: true },
  DATE_DESC: { property: 'date', descending: true, nullable: true },
} as const satisfies Record<string, Ordering>;

export type OrderingName = keyof typeof ORDERINGS;
