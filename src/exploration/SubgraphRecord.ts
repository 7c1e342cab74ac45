import type { EntityRecord, EvidenceProperties } from '../model';

/** Which way relationships are followed, as the GraphQL Direction enum names it. */
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** An entity in a subgraph or path, with its hop distance from where the exploration started. */
export interface GraphNodeRecord {
  id: string;
  /** Hops from the nearest starting entity (0 for the starting entities themselves). */
  distance: number;
  entity: EntityRecord;
}

/** A relationship in a subgraph or path, with its evidence properties. */
export interface GraphEdgeRecord {
  /** `${from}-${type}-${to}`: see edgeId. */
  id: string;
  type: string;
  from: string;
  to: string;
  properties: EvidenceProperties & Record<string, unknown>;
}

/** What Query.neighborhood and Query.expand return. */
export interface SubgraphRecord {
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  truncated: boolean;
}

/** One path of Query.paths: nodes and edges in the order they are walked. */
export interface PathRecord {
  length: number;
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
}

/**
 * The id of an edge. The model keeps at most one relationship of a type
 * between two nodes (docs/model.md), so start, type and end name it
 * uniquely; unlike elementId, it survives a re-seed of the database, so a
 * client can keep drawing the same edge across sessions.
 */
export function edgeId(from: string, type: string, to: string): string {
  return `${from}-${type}-${to}`;
}

/** Nodes by hop distance then id, edges by from, type, to: the same graph always comes out in the same order. */
export function sortSubgraph(subgraph: SubgraphRecord): SubgraphRecord {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    truncated: subgraph.truncated,
    nodes: [...subgraph.nodes].sort((a, b) => a.distance - b.distance || byText(a.id, b.id)),
    edges: [...subgraph.edges].sort((a, b) => byText(a.from, b.from) || byText(a.type, b.type) || byText(a.to, b.to)),
  };
}
