/** Relay's PageInfo, forward pagination only. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One item of a connection and where it sits. */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/**
 * A page as resolvers return it. totalCount is a function, so graphql-js
 * calls it only when the client selects the field: the count query runs on
 * demand, never by default.
 */
export interface Connection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/**
 * Builds a page from rows fetched with LIMIT first + 1: the extra row only
 * tells that there is a next page and is dropped.
 */
export function toConnection<E extends { cursor: string }>(rows: E[], first: number, totalCount: () => Promise<number>): Connection<E> {
  const edges = rows.slice(0, first);
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
