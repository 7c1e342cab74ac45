import { badInput } from '../errors';
import type { EntityRecord, EvidenceProperties } from '../model';
import { intArgument, relationTypesArgument } from './explorationArguments';
import type { ExplorationDeps } from './ExplorationDeps';
import { loadEntities, primeEntities } from './loadEntities';
import { PATH_QUERIES } from './pathQuery';
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

/**
 * Query.paths: up to `first` paths from one entity to another, shortest
 * first, each hop with its relationship's evidence. Two round-trips: the two
 * entities (NOT_FOUND if either is unknown), then one bounded search that
 * runs under PATHS_TIMEOUT_MS (a timeout surfaces as TIMEOUT). No path is an
 * empty list, not an error.
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

  const rows = await deps.db.read<PathRow>(
    'exploration.paths',
    PATH_QUERIES[args.direction ?? 'BOTH'],
    { from: args.from, to: args.to, types, maxLength },
    { timeoutMs: limits.pathsTimeoutMs },
  );

  const paths = rows
    // A k-shortest search may return a walk that passes a node twice after
    // the simple paths of the same length; a drawing of it would only confuse.
    .filter((row) => new Set(row.nodes.map((node) => node.id)).size === row.nodes.length)
    .map(toPathRecord)
    .sort((a, b) => a.length - b.length || compareIds(a, b))
    .slice(0, first);
  primeEntities(deps, paths.flatMap((path) => path.nodes.map((node) => node.entity)));
  return paths;
}

function toPathRecord(row: PathRow): PathRecord {
  return {
    length: row.length,
    nodes: row.nodes.map((entity, distance) => ({ id: entity.id, distance, entity })),
    edges: row.edges.map((edge) => ({ id: edgeId(edge.from, edge.type, edge.to), ...edge })),
  };
}

/** Among paths of one length, a fixed order: by the ids of their edges, hop by hop. */
function compareIds(a: PathRecord, b: PathRecord): number {
  const keyA = a.edges.map((edge) => edge.id).join('\n');
  const keyB = b.edges.map((edge) => edge.id).join('\n');
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
