import { expandSelection, exploreNeighborhood, findPaths, toCytoscape, type ExplorationDeps } from '../exploration';
import type { EntityType, GraphEdgeResolvers, GraphNodeResolvers, QueryResolvers, SubgraphResolvers } from '../generated/resolverTypes';
import { evidenceOf } from '../model';
import type { Context } from '../server/Context';

/** The request's executor, loader and caps, as src/exploration takes them. */
function depsOf(ctx: Context): ExplorationDeps {
  return { db: ctx.db, entityById: ctx.loaders.entityById, limits: ctx.config.exploration };
}

/** Query.neighborhood, Query.expand, Query.paths and the graph types they return (schema/exploration.graphql). */
export const explorationResolvers: {
  Query: Pick<QueryResolvers, 'neighborhood' | 'expand' | 'paths'>;
  Subgraph: Pick<SubgraphResolvers, 'cytoscape'>;
  GraphNode: Pick<GraphNodeResolvers, 'type' | 'name' | 'entity'>;
  GraphEdge: Pick<GraphEdgeResolvers, 'evidence'>;
} = {
  Query: {
    neighborhood: (_parent, args, ctx) => exploreNeighborhood(depsOf(ctx), args),
    expand: (_parent, args, ctx) => expandSelection(depsOf(ctx), args),
    paths: (_parent, args, ctx) => findPaths(depsOf(ctx), args),
  },

  Subgraph: {
    cytoscape: (subgraph) => toCytoscape(subgraph),
  },

  GraphNode: {
    type: (node) => node.entity.label.toUpperCase() as EntityType,
    name: (node) => node.entity.name ?? node.id,
    // The exploration query returned the entity whole (and primed the loader with it).
    entity: (node) => node.entity,
  },

  GraphEdge: {
    evidence: (edge) => evidenceOf(edge.properties),
  },
};
