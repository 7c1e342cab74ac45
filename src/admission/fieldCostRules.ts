import { clampSize as clamp } from './clampSize';
import type { CostLimits } from './estimateCost';

/** How one field of the schema departs from the generic estimate. */
export interface FieldCostRule {
  /** Items the field returns for each parent row (a list without a `first`, or one whose size is another argument). */
  items?: number;
  /** Work beyond the rows it returns, per evaluation: scans, full-text terms, path searches. */
  extra?: number;
  /** Sizes of its children by name: lists get that many items, leaves (JSON) cost that much. */
  childSizes?: Record<string, number>;
  /** Marks the request expensive whatever its cost (admission control). */
  expensive?: string;
}

/**
 * A full-text word is matched exactly, as a prefix and with typos: Lucene
 * expands it into many terms, and 30 aliases of 16 fuzzy words took 8 s of
 * Neo4j CPU for no hit. One word weighs as much as reading 5,000 rows.
 */
const SEARCH_WORD_COST = 5_000;
/** An analyst statement has its own concurrency limit and timeout; this only keeps it in the client's budget. */
const ANALYST_COST = 1_000;

/** The same words the search resolver keeps (runs of letters and digits, at most 16). */
function searchWords(text: unknown): number {
  if (typeof text !== 'string') return 0;
  return Math.min((text.match(/[\p{L}\p{N}]+/gu) ?? []).length, 16);
}

/**
 * The fields whose cost the generic rule (rows × `first`) does not see:
 * search is priced by its words, exploration by the relationships its scan
 * caps let it read (GRAPH_SCAN_LIMIT per ring, per hop of a path search),
 * and `entities` by its ids. Sizes are clamped to the configured ranges.
 */
export function fieldCostRule(key: string, args: Record<string, unknown>, limits: CostLimits): FieldCostRule | undefined {
  const x = limits.exploration;
  switch (key) {
    case 'Query.entities':
      return { items: clamp(Array.isArray(args.ids) ? args.ids.length : 0, 0, 0, limits.listMax) };
    case 'Query.search':
      return {
        items: clamp(args.first, limits.listDefault, 0, limits.listMax),
        extra: searchWords(args.text) * SEARCH_WORD_COST,
        expensive: 'search',
      };
    case 'Query.neighborhood':
    case 'Query.expand': {
      const limit = clamp(args.limit, x.nodeLimit, 1, x.maxNodeLimit);
      const rings = key === 'Query.neighborhood' ? clamp(args.depth, 1, 1, x.maxDepth) : 1;
      return {
        extra: rings * x.scanLimit,
        childSizes: { nodes: limit, edges: limit * x.edgesPerNode, cytoscape: limit * (1 + x.edgesPerNode) },
        expensive: key.slice('Query.'.length),
      };
    }
    case 'Query.paths': {
      const maxLength = clamp(args.maxLength, 4, 1, x.pathsMaxLength);
      return {
        items: clamp(args.first, 5, 1, x.pathsMaxFirst),
        extra: maxLength * x.scanLimit,
        childSizes: { nodes: maxLength + 1, edges: maxLength },
        expensive: 'paths',
      };
    }
    case 'Query.cypher':
    case 'Query.runSavedQuery':
    case 'Query.explainCypher':
      return { extra: ANALYST_COST };
    default:
      return undefined;
  }
}
