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
  // A page that fits is kept as it is: most pages are shorter than `first`, and a copy of each was garbage.
  const edges = rows.length > page.first ? rows.slice(0, page.first) : rows;
  return new Page(edges, new LazyPageInfo(edges, rows.length > page.first, Boolean(page.after)), totalCount);
}

/*
 * Classes rather than object literals with getters: a response holds a
 * connection per relation field of every entity (100 on a page of 50
 * proposals with two relation fields), and V8 builds a literal's accessors
 * one by one on every call, where a class shares them on its prototype.
 */

class Page<E> implements Connection<E> {
  constructor(
    readonly edges: E[],
    readonly pageInfo: PageInfo,
    private readonly total: () => number | Promise<number>,
  ) {}

  get totalCount(): number | Promise<number> {
    return this.total();
  }
}

/** Cursors are read only when selected: an edge may encode its cursor on demand. */
class LazyPageInfo<E extends { cursor: string }> implements PageInfo {
  constructor(
    private readonly edges: E[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges.at(0)?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}
