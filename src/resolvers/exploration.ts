import { expandSelection, exploreNeighborhood, findPaths, toCytoscape, toTypedCytoscape, type ExplorationDeps } from '../exploration';
import type { EntityType, GraphEdgeResolvers, GraphNodeResolvers, QueryResolvers, SubgraphResolvers } from '../generated/resolverTypes';
import { evidenceOf } from '../model';
import type { Context } from '../server/Context';
import { describeRelationship } from './relationConnection';

/** The request's executor, loader and caps, as src/exploration takes them. */
function depsOf(ctx: Context): ExplorationDeps {
  return { db: ctx.db, entityById: ctx.loaders.entityById, limits: ctx.config.exploration };
}

/** Query.neighborhood, Query.expand, Query.paths and the graph types they return (schema/exploration.graphql). */
export const explorationResolvers: {
  Query: Pick<QueryResolvers, 'neighborhood' | 'expand' | 'paths'>;
  Subgraph: Pick<SubgraphResolvers, 'cytoscape' | 'elements'>;
  GraphNode: Pick<GraphNodeResolvers, 'entityId' | 'type' | 'name' | 'entity'>;
  GraphEdge: Pick<GraphEdgeResolvers, 'evidence' | 'role' | 'status' | 'properties'>;
} = {
  Query: {
    neighborhood: (_parent, args, ctx) => exploreNeighborhood(depsOf(ctx), args),
    expand: (_parent, args, ctx) => expandSelection(depsOf(ctx), args),
    paths: (_parent, args, ctx) => findPaths(depsOf(ctx), args),
  },

  Subgraph: {
    cytoscape: (subgraph) => toCytoscape(subgraph),
    elements: (subgraph) => toTypedCytoscape(subgraph),
  },

  GraphNode: {
    entityId: (node) => node.id,
    type: (node) => node.entity.label.toUpperCase() as EntityType,
    name: (node) => node.entity.name ?? node.id,
    // The exploration query returned the entity whole (and primed the loader with it).
    entity: (node) => node.entity,
  },

  GraphEdge: {
    evidence: (edge) => evidenceOf(edge.properties),
    // Paths' edges too: every edge of the API carries its role and properties beside its evidence.
    role: (edge) => describeRelationship(edge.properties).role,
    status: (edge) => describeRelationship(edge.properties).status,
    properties: (edge) => describeRelationship(edge.properties).properties,
  },
};
