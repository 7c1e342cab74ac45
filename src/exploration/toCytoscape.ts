import type { SubgraphRecord } from './SubgraphRecord';

/** A Cytoscape.js element definition: everything it needs sits under `data`. */
export interface CytoscapeElement {
  data: Record<string, unknown> & { id: string };
}

/** The `elements` object Cytoscape.js takes: `cytoscape({ elements })`. */
export interface CytoscapeElements {
  nodes: CytoscapeElement[];
  edges: CytoscapeElement[];
}

/**
 * The subgraph as Cytoscape.js elements, unchanged in content and order:
 * nodes `{ data: { id, label, type, distance } }` (label is the display
 * name, type the EntityType such as PERSON) and edges
 * `{ data: { id, source, target, label } }` (label is the relationship type).
 * Every edge's source and target are node ids, which Cytoscape.js requires.
 */
export function toCytoscape(subgraph: SubgraphRecord): CytoscapeElements {
  return {
    nodes: subgraph.nodes.map((node) => ({
      data: { id: node.id, label: node.entity.name ?? node.id, type: node.entity.label.toUpperCase(), distance: node.distance },
    })),
    edges: subgraph.edges.map((edge) => ({
      data: { id: edge.id, source: edge.from, target: edge.to, label: edge.type },
    })),
  };
}
