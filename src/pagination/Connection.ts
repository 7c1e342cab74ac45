/** Relay's PageInfo. Pages only go forward, so hasPreviousPage says only whether `after` was given. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One item of a connection and where it sits. */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/**
 * A page as resolvers return it. totalCount is a getter, read only when the
 * client selects the field: the count query runs on demand, never by
 * default (or the count read with the page is returned). A getter, not a
 * method: compiled operations (src/execution) read properties and do not
 * call them.
 */
export interface Connection<E> {
  edges: E[];
  pageInfo: PageInfo;
  readonly totalCount: number | Promise<number>;
}

/**
 * Builds a page from rows fetched with LIMIT first + 1: the extra row only
 * tells that there is a next page and is dropped. A page asked for with
 * `after` is not the first, so it has a previous page (the item `after`
 * names at least); whether that item still exists is not checked.
 *
 * @param rows the rows read, at most first + 1
 * @param page the page size and the client's `after` (null or undefined when omitted)
 * @param totalCount reads the total, called only when the client selects it
 */
export function toConnection<E extends { cursor: string }>(
  rows: E[],
  page: { first: number; after: string | null | undefined },
  totalCount: () => number | Promise<number>,
): Connection<E> {
  const edges = rows.slice(0, page.first);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: Boolean(page.after),
      // Read only when selected: an edge may encode its cursor on demand.
      get startCursor() {
        return edges.at(0)?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    get totalCount() {
      return totalCount();
    },
  };
}
