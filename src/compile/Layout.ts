/**
 * How a compiled value comes back from Neo4j. The statements return lists
 * where resolvers read records (maps): a map sends its keys with every
 * value, so a page of 50 proposals with their proposers and sources
 * repeats `name`, `node`, `entity` ... hundreds of times, and decoding
 * those keys was most of the driver's work on a wide page (a third of
 * W2's decoding in `npm run bench:limit`). The layout is rendered with the
 * statement text and cached with it; readLayout puts the keys back.
 */
export type Layout =
  /** A value as Neo4j returns it (a property, a count, properties(r)). */
  | { kind: 'value' }
  /** A record: a list with one value per key, in this order. */
  | { kind: 'record'; keys: string[]; fields: Layout[] }
  | { kind: 'list'; item: Layout }
  /** One of several layouts, by the index the statement returns beside the value (a CASE over labels). */
  | { kind: 'branches'; branches: Layout[] };

export const VALUE: Layout = { kind: 'value' };

/** A Cypher expression and the layout of its value. */
export interface Rendered {
  text: string;
  layout: Layout;
}

/** One entry of a record being rendered: its key, its expression, and the layout of its value (VALUE when omitted). */
export interface RecordEntry {
  key: string;
  text: string;
  layout?: Layout;
}

/** A record of named expressions, as a Cypher list. */
export function renderRecord(entries: readonly RecordEntry[]): Rendered {
  return {
    text: `[${entries.map((e) => e.text).join(', ')}]`,
    layout: { kind: 'record', keys: entries.map((e) => e.key), fields: entries.map((e) => e.layout ?? VALUE) },
  };
}

/** The value of a compiled expression (already plain: see plainRows) as resolvers read it. */
export function readLayout(value: unknown, layout: Layout): unknown {
  if (value === null || value === undefined) return null;
  switch (layout.kind) {
    case 'value':
      return value;
    case 'list': {
      const list = value as unknown[];
      for (let i = 0; i < list.length; i += 1) list[i] = readLayout(list[i], layout.item);
      return list;
    }
    case 'record': {
      const values = value as unknown[];
      const record: Record<string, unknown> = {};
      for (let i = 0; i < layout.keys.length; i += 1) record[layout.keys[i]] = readLayout(values[i], layout.fields[i]);
      return record;
    }
    case 'branches': {
      const [index, branch] = value as [number, unknown];
      return readLayout(branch, layout.branches[index]);
    }
  }
}
