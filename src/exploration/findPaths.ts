import { badInput } from '../errors';
import type { EntityRecord, EvidenceProperties } from '../model';
import { intArgument, relationTypesArgument } from './explorationArguments';
import type { ExplorationDeps } from './ExplorationDeps';
import { loadEntities, primeEntities } from './loadEntities';
import { DETOUR_PATHS_QUERIES, SHORTEST_PATHS_QUERIES } from './pathQuery';
import { edgeId, type Direction, type PathRecord } from './SubgraphRecord';

/** The arguments of Query.paths, as GraphQL passes them. */
export interface PathsArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  relationTypes?: string[] | null;
  direction?: Direction | null;
  first?: number | null;
}

interface PathRow {
  length: number;
  nodes: EntityRecord[];
  edges: Array<{ from: string; type: string; to: string; properties: EvidenceProperties & Record<string, unknown> }>;
}

/** The most detour searches one call runs (see DETOUR_PATHS_QUERIES): the bound on its cost beyond the shortest paths. */
export const MAX_DETOUR_SEARCHES = 10;

/**
 * Query.paths: up to `first` paths from one entity to another, shortest
 * first, each hop with its relationship's evidence. One round-trip for the
 * two entities (NOT_FOUND if either is unknown), one for every shortest
 * path, and, only when those are fewer than `first` and a longer path may
 * still fit in maxLength, one more for detours around the entities on
 * them. Each search runs under PATHS_TIMEOUT_MS (TIMEOUT when it runs out).
 * No path is an empty list, not an error.
 */
export async function findPaths(deps: ExplorationDeps, args: PathsArgs): Promise<PathRecord[]> {
  const { limits } = deps;
  const maxLength = intArgument('maxLength', args.maxLength, Math.min(4, limits.pathsMaxLength), 1, limits.pathsMaxLength);
  const first = intArgument('first', args.first, Math.min(5, limits.pathsMaxFirst), 1, limits.pathsMaxFirst);
  const types = relationTypesArgument(args.relationTypes);
  if (args.from === args.to) {
    throw badInput(`to: expected an entity other than from ("${args.from}").`, { argument: 'to', value: args.to });
  }
  await loadEntities(deps, [
    { argument: 'from', id: args.from },
    { argument: 'to', id: args.to },
  ]);
  const direction = args.direction ?? 'BOTH';
  const params = { from: args.from, to: args.to, types, maxLength };
  const options = { timeoutMs: limits.pathsTimeoutMs };

  const paths = new Map<string, PathRecord>();
  const add = (rows: PathRow[]) => {
    for (const path of rows.map(toPathRecord)) paths.set(path.edges.map((edge) => edge.id).join('\n'), path);
  };
  const shortest = await deps.db.read<PathRow>('exploration.shortestPaths', SHORTEST_PATHS_QUERIES[direction], params, options);
  add(shortest);

  const shortestLength = shortest[0]?.length ?? maxLength;
  if (paths.size > 0 && paths.size < first && shortestLength < maxLength) {
    const avoid = [...new Set(sortPaths([...paths.values()]).flatMap((path) => path.nodes.slice(1, -1).map((node) => node.id)))];
    const detours = await deps.db.read<PathRow>(
      'exploration.detourPaths',
      DETOUR_PATHS_QUERIES[direction],
      { ...params, avoid: avoid.slice(0, MAX_DETOUR_SEARCHES) },
      options,
    );
    add(detours);
  }

  const result = sortPaths([...paths.values()]).slice(0, first);
  primeEntities(
    deps,
    result.flatMap((path) => path.nodes.map((node) => node.entity)),
  );
  return result;
}

function toPathRecord(row: PathRow): PathRecord {
  return {
    length: row.length,
    nodes: row.nodes.map((entity, distance) => ({ id: entity.id, distance, entity })),
    edges: row.edges.map((edge) => ({ id: edgeId(edge.from, edge.type, edge.to), ...edge })),
  };
}

/** Shortest first; among paths of one length, by the ids of their edges, hop by hop, so the order is fixed. */
function sortPaths(paths: PathRecord[]): PathRecord[] {
  const key = (path: PathRecord) => path.edges.map((edge) => edge.id).join('\n');
  return paths.sort((a, b) => a.length - b.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
