import type { Db } from '../db';
import type { EntityRecord, EvidenceProperties } from '../model';
import { RING_QUERIES } from './ringQuery';
import { edgeId, sortSubgraph, type Direction, type GraphEdgeRecord, type GraphNodeRecord, type SubgraphRecord } from './SubgraphRecord';

/** How far and how wide to expand. */
export interface ExpandRingsOptions {
  /** Rings to add around the starting entities (1 = their direct neighbours). */
  depth: number;
  direction: Direction;
  /** Relationship types to follow; null for any. */
  types: string[] | null;
  /** Labels a new node must have; null for any. The starting entities are always kept. */
  labels: string[] | null;
  /** Ids never to add (nor the edges to them). */
  exclude: readonly string[];
  /** Most nodes in the result, the starting entities included. */
  nodeLimit: number;
  /** Most edges in the result. */
  edgeLimit: number;
  /** Most relationships one ring may read (see RING_QUERIES). */
  scanLimit: number;
}

interface RingRow {
  frontierDegree: number;
  hits: Array<{
    from: string;
    type: string;
    to: string;
    properties: EvidenceProperties & Record<string, unknown>;
    neighbour: EntityRecord;
  }>;
}

/**
 * Grows a subgraph ring by ring around the starting entities: one query per
 * ring, so depth d costs at most d round-trips. Each ring reads only the
 * relationships of the previous ring's new nodes, skipping nodes whose
 * relationships were already read, and asks for no more rows than the edge
 * budget left (plus one, to know there was more). Once a cap is reached the
 * result is marked truncated and no further ring is read: a partial ring
 * would make the next one misleading.
 *
 * Every edge returned has both ends among the nodes; entities come back
 * whole, so callers can prime the entity loader with them.
 */
export async function expandRings(db: Db, start: readonly EntityRecord[], options: ExpandRingsOptions): Promise<SubgraphRecord> {
  const nodes = new Map<string, GraphNodeRecord>(start.map((entity) => [entity.id, { id: entity.id, distance: 0, entity }]));
  const edges = new Map<string, GraphEdgeRecord>();
  const exclude = options.exclude.filter((id) => !nodes.has(id));
  const expanded: string[] = [];
  let frontier = [...nodes.keys()];
  let truncated = nodes.size > options.nodeLimit;

  for (let ring = 1; ring <= options.depth && frontier.length > 0 && !truncated; ring += 1) {
    const budget = options.edgeLimit - edges.size;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const [row] = await db.read<RingRow>(`exploration.ring${ring}`, RING_QUERIES[options.direction], {
      frontier,
      skip: [...expanded, ...exclude],
      types: options.types,
      labels: options.labels,
      scanLimit: Math.max(options.scanLimit, budget + 1),
      rowLimit: budget + 1,
    });
    const hits = row?.hits ?? [];
    if (hits.length > budget || (row?.frontierDegree ?? 0) > Math.max(options.scanLimit, budget + 1)) truncated = true;

    const next: string[] = [];
    for (const hit of hits.slice(0, budget)) {
      const neighbour = hit.neighbour;
      if (!nodes.has(neighbour.id)) {
        if (nodes.size >= options.nodeLimit) {
          truncated = true;
          continue;
        }
        nodes.set(neighbour.id, { id: neighbour.id, distance: ring, entity: neighbour });
        next.push(neighbour.id);
      }
      const id = edgeId(hit.from, hit.type, hit.to);
      if (!edges.has(id)) edges.set(id, { id, type: hit.type, from: hit.from, to: hit.to, properties: hit.properties });
    }
    expanded.push(...frontier);
    frontier = next;
  }

  return sortSubgraph({ nodes: [...nodes.values()], edges: [...edges.values()], truncated });
}
