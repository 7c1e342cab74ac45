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
  /**
   * A record of one key, sent as its value alone: a list around every
   * `node { name }` of a page cost the driver a list to decode each, about
   * 6 % of the API's CPU on W1 of `npm run bench:limit`. Such a record is
   * never null itself; orNull lists it again where it may be.
   */
  | { kind: 'single'; key: string; field: Layout }
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

/** A record of named expressions, as a Cypher list; a record of one, as that one's expression. */
export function renderRecord(entries: readonly RecordEntry[]): Rendered {
  if (entries.length === 1) return { text: entries[0].text, layout: { kind: 'single', key: entries[0].key, field: entries[0].layout ?? VALUE } };
  return {
    text: `[${entries.map((e) => e.text).join(', ')}]`,
    layout: { kind: 'record', keys: entries.map((e) => e.key), fields: entries.map((e) => e.layout ?? VALUE) },
  };
}

/**
 * A record that is null when `condition` holds (an entity that is not
 * there). A record of one key goes back into a list for it, or a null
 * value of its one key would read as no record at all.
 */
export function orNull(condition: string, record: Rendered): Rendered {
  const { layout } = record;
  const listed: Rendered =
    layout.kind === 'single' ? { text: `[${record.text}]`, layout: { kind: 'record', keys: [layout.key], fields: [layout.field] } } : record;
  return { text: `CASE WHEN ${condition} THEN null ELSE ${listed.text} END`, layout: listed.layout };
}

/** The value of a compiled expression (already plain: see plainRows) as resolvers read it. */
export function readLayout(value: unknown, layout: Layout): unknown {
  if (layout.kind === 'single') {
    // Its one value may be null; the record is still there.
    const record: Record<string, unknown> = {};
    record[layout.key] = readLayout(value, layout.field);
    return record;
  }
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
