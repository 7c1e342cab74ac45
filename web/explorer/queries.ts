/** The operations the explorer sends; every one within the API's caps (limit, first, maxLength). */

/**
 * The evidence drawn with every edge: the quote, date, confidence and the
 * source's name. Who published a source and whom it cites is asked only
 * for the edges a person opens (SOURCES), since those are relation fields
 * of their own and a hub's hundreds of edges would multiply them.
 */
const EDGE_FIELDS = `
  id type from to role status
  evidence {
    quote confidence date dateText
    source { id name kind }
    statement { name }
  }`;

/** Who published each source and whom it cites ("reported by AFP, citing TASS"). */
export const SOURCES = `query Sources($ids: [ID!]!) {
  entities(ids: $ids) {
    id
    ... on Source {
      publisher { edges { node { name } } }
      cites { edges { role node { name } } }
    }
  }
}`;

/** A source's attribution, as SOURCES selects it. */
export interface SourceAttribution {
  id: string;
  publisher?: { edges: Array<{ node: { name: string } }> };
  cites?: { edges: Array<{ role: string | null; node: { name: string } }> };
}

const ELEMENTS = `
  elements {
    nodes { data { id label type } classes }
    edges { data { id source target label } classes }
  }`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 8) { score entity { id name type description } }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $limit: Int) {
  neighborhood(id: $id, depth: 2, limit: $limit) {
    truncated
    ${ELEMENTS}
    edges { ${EDGE_FIELDS} }
  }
  entity(id: $id) { id name type description relations(first: 0) { totalCount } }
}`;

export const EXPAND = `query Expand($ids: [ID!]!, $exclude: [ID!], $limit: Int) {
  expand(ids: $ids, exclude: $exclude, limit: $limit) {
    truncated
    ${ELEMENTS}
    edges { ${EDGE_FIELDS} }
  }
}`;

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) { id name type description aliases relations(first: 0) { totalCount } }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 4, first: 3) {
    length
    nodes { entityId name type }
    edges { ${EDGE_FIELDS} }
  }
}`;

/** An edge with its evidence, as EDGE_FIELDS selects it. */
export interface EdgeDetails {
  id: string;
  type: string;
  from: string;
  to: string;
  role: string | null;
  status: string | null;
  evidence: Array<{
    quote: string | null;
    confidence: number | null;
    date: string | null;
    dateText: string | null;
    source: { id: string; name: string; kind: string | null };
    statement: { name: string } | null;
  }>;
}

/** Typed Cytoscape.js elements, as Subgraph.elements returns them. */
export interface Elements {
  nodes: Array<{ data: { id: string; label: string; type: string }; classes: string[] }>;
  edges: Array<{ data: { id: string; source: string; target: string; label: string }; classes: string[] }>;
}

export interface SubgraphResult {
  truncated: boolean;
  elements: Elements;
  edges: EdgeDetails[];
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  description: string | null;
  aliases?: string[];
  relations: { totalCount: number };
}
