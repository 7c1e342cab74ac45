import {
  expandSelection,
  exploreNeighborhood,
  findPaths,
  toCytoscape,
  toTypedCytoscape,
  type ExpandArgs,
  type ExplorationDeps,
  type GraphEdgeRecord,
  type GraphNodeRecord,
  type NeighborhoodArgs,
  type PathsArgs,
  type SubgraphRecord,
} from '../exploration';
import { evidenceOf } from '../model';
import type { Context } from '../server/Context';
import { describeRelationship } from './relationConnection';

/** The request's executor, loader and caps, as src/exploration takes them. */
function depsOf(ctx: Context): ExplorationDeps {
  return { db: ctx.db, entityById: ctx.loaders.entityById, limits: ctx.config.exploration };
}

/** Query.neighborhood, Query.expand, Query.paths and the graph types they return (schema/exploration.graphql). */
export const explorationResolvers = {
  Query: {
    neighborhood: (_: unknown, args: NeighborhoodArgs, ctx: Context) => exploreNeighborhood(depsOf(ctx), args),
    expand: (_: unknown, args: ExpandArgs, ctx: Context) => expandSelection(depsOf(ctx), args),
    paths: (_: unknown, args: PathsArgs, ctx: Context) => findPaths(depsOf(ctx), args),
  },

  Subgraph: {
    cytoscape: (subgraph: SubgraphRecord) => toCytoscape(subgraph),
    elements: (subgraph: SubgraphRecord) => toTypedCytoscape(subgraph),
  },

  GraphNode: {
    entityId: (node: GraphNodeRecord) => node.id,
    type: (node: GraphNodeRecord) => node.entity.label.toUpperCase(),
    name: (node: GraphNodeRecord) => node.entity.name ?? node.id,
    // The exploration query returned the entity whole (and primed the loader with it).
    entity: (node: GraphNodeRecord) => node.entity,
  },

  GraphEdge: {
    evidence: (edge: GraphEdgeRecord) => evidenceOf(edge.properties),
    // Paths' edges too: every edge of the API carries its role and properties beside its evidence.
    role: (edge: GraphEdgeRecord) => describeRelationship(edge.properties).role,
    status: (edge: GraphEdgeRecord) => describeRelationship(edge.properties).status,
    properties: (edge: GraphEdgeRecord) => describeRelationship(edge.properties).properties,
  },
};
