/** A node seen in an analyst result, as CypherResult.graph shows it: the entity's id, type and name. */
export interface CollectedNode {
  elementId: string;
  /** The entity id (its `id` property); nodes without one are not entities and are left out of the graph. */
  id: string | null;
  type: string | null;
  name: string | null;
}

/** A relationship seen in an analyst result, with the element ids of its ends (mapped to entity ids afterwards). */
export interface CollectedRelationship {
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

/** What cypherToJson gathers while it converts rows, so a result can be shown as a graph as well as rows. */
export interface GraphCollector {
  nodes: Map<string, CollectedNode>;
  relationships: Map<string, CollectedRelationship>;
}

/** An empty collector. */
export function createGraphCollector(): GraphCollector {
  return { nodes: new Map(), relationships: new Map() };
}
