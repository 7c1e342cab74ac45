import type { EntityType } from '../generated/resolverTypes';
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

/** The typed elements of Subgraph.elements (schema/exploration.graphql). */
export interface TypedCytoscapeElements {
  nodes: Array<{ data: { id: string; label: string; type: EntityType }; classes: string[] }>;
  edges: Array<{ data: { id: string; source: string; target: string; label: string }; classes: string[] }>;
}

/**
 * The subgraph as typed Cytoscape.js elements. Unlike toCytoscape, the
 * per-query distance is a class (`distance-2`), never under `data`: typed
 * clients cache `data` by its id, and a node's data must then be the same
 * in every query.
 */
export function toTypedCytoscape(subgraph: SubgraphRecord): TypedCytoscapeElements {
  return {
    nodes: subgraph.nodes.map((node) => {
      const type = node.entity.label.toUpperCase() as EntityType;
      return { data: { id: node.id, label: node.entity.name ?? node.id, type }, classes: [type.toLowerCase(), `distance-${node.distance}`] };
    }),
    edges: subgraph.edges.map((edge) => ({
      data: { id: edge.id, source: edge.from, target: edge.to, label: edge.type },
      classes: [edge.type.toLowerCase()],
    })),
  };
}
