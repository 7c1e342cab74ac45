import { badInput } from '../errors';
import { expandRings } from './expandRings';
import { idsArgument, intArgument, labelsArgument, relationTypesArgument } from './explorationArguments';
import type { ExplorationDeps } from './ExplorationDeps';
import { loadEntities, primeEntities } from './loadEntities';
import type { Direction, SubgraphRecord } from './SubgraphRecord';

/** The arguments of Query.expand, as GraphQL passes them. */
export interface ExpandArgs {
  ids: string[];
  relationTypes?: string[] | null;
  direction?: Direction | null;
  labels?: string[] | null;
  limit?: number | null;
  exclude?: string[] | null;
}

/**
 * Query.expand, for "click to expand": the given entities, their direct
 * neighbours and the edges between them, minus the neighbours the client
 * asked to exclude (those it already draws). The given entities are always
 * in the result, even when also listed in `exclude`. Costs two round-trips:
 * one for the given entities, one for the ring.
 */
export async function expandSelection(deps: ExplorationDeps, args: ExpandArgs): Promise<SubgraphRecord> {
  const { limits } = deps;
  const nodeLimit = intArgument('limit', args.limit, limits.nodeLimit, 1, limits.maxNodeLimit);
  const ids = idsArgument('ids', args.ids, 1, nodeLimit);
  const exclude = [...new Set(args.exclude ?? [])];
  if (exclude.length > limits.maxExclude) {
    throw badInput(`exclude: expected at most ${limits.maxExclude} ids, got ${exclude.length}.`, {
      argument: 'exclude',
      count: exclude.length,
      max: limits.maxExclude,
    });
  }
  const types = relationTypesArgument(args.relationTypes);
  const labels = labelsArgument(args.labels);
  const start = await loadEntities(
    deps,
    ids.map((id) => ({ argument: 'ids', id })),
  );

  const subgraph = await expandRings(deps.db, start, {
    depth: 1,
    direction: args.direction ?? 'BOTH',
    types,
    labels,
    exclude,
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
