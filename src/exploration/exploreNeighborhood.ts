import { expandRings } from './expandRings';
import { intArgument, labelsArgument, relationTypesArgument } from './explorationArguments';
import type { ExplorationDeps } from './ExplorationDeps';
import { loadEntities, primeEntities } from './loadEntities';
import type { Direction, SubgraphRecord } from './SubgraphRecord';

/** The arguments of Query.neighborhood, as GraphQL passes them. */
export interface NeighborhoodArgs {
  id: string;
  depth?: number | null;
  relationTypes?: string[] | null;
  direction?: Direction | null;
  labels?: string[] | null;
  limit?: number | null;
}

/**
 * Query.neighborhood: the entity and everything within `depth` hops of it,
 * within the node and edge caps. Costs one round-trip for the entity and
 * one per ring; the entities found are primed into the loader.
 */
export async function exploreNeighborhood(deps: ExplorationDeps, args: NeighborhoodArgs): Promise<SubgraphRecord> {
  const { limits } = deps;
  const depth = intArgument('depth', args.depth, 1, 1, limits.maxDepth);
  const nodeLimit = intArgument('limit', args.limit, limits.nodeLimit, 1, limits.maxNodeLimit);
  const types = relationTypesArgument(args.relationTypes);
  const labels = labelsArgument(args.labels);
  const [centre] = await loadEntities(deps, [{ argument: 'id', id: args.id }]);

  const subgraph = await expandRings(deps.db, [centre], {
    depth,
    direction: args.direction ?? 'BOTH',
    types,
    labels,
    exclude: [],
    nodeLimit,
    edgeLimit: nodeLimit * limits.edgesPerNode,
    scanLimit: limits.scanLimit,
  });
  primeEntities(
    deps,
    subgraph.nodes.map((node) => node.entity),
  );
  return subgraph;
}
