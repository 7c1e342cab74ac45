import type { FieldNode, GraphQLObjectType } from 'graphql';
import { getNamedType } from 'graphql';
import { compileStatement, type CompiledStatement } from './compileStatement';
import { subfieldsOf, type PlanContext } from './PlanContext';
import { planEntity } from './planEntity';
import { labelOf, renderEntity } from './renderEntity';

/**
 * Hits a type-filtered search first takes from the top of the index: enough for a type that is at all common among
 * the best matches, few enough to cost little when it is rare and every hit has to be read after all.
 */
const TYPED_SEARCH_SCAN = { perHit: 10, min: 100, max: 1_000 } as const;

/** The best `first` hits. */
const bestHits = "CALL db.index.fulltext.queryNodes('entity_fulltext', $query, {limit: toInteger($first)}) YIELD node AS n, score";

/**
 * The hits of the types asked for: those among the best `scan` when they are
 * enough (or the index had no more), else every hit of those types.
 */
const typedHits = `CALL db.index.fulltext.queryNodes('entity_fulltext', $query, {limit: toInteger($scan)}) YIELD node AS n, score
WITH collect(CASE WHEN ${labelOf('n')} IN $labels THEN {n: n, score: score} END) AS typed, count(*) AS scanned
CALL (typed, scanned) {
  WITH typed, scanned WHERE size(typed) >= $first OR scanned < $scan
  UNWIND typed AS hit
  RETURN hit.n AS n, hit.score AS score
  UNION ALL
  WITH typed, scanned WHERE size(typed) < $first AND scanned >= $scan
  CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node AS n, score
  WITH n, score WHERE ${labelOf('n')} IN $labels
  RETURN n, score
}`;

/**
 * Query.search as one statement: the full-text hits through the
 * `entity_fulltext` index (the Lucene query is a parameter), the type
 * filter before LIMIT, each hit's entity projected as selected. Hits that
 * score alike come in id order; when more of them tie than `first` leaves
 * room for, the index picks which (its own order, stable while the index
 * is unchanged), as search engines do. Rows hold `entity` and `score`.
 *
 * The index hands Cypher only the hits the answer can use: unfiltered,
 * the best `first` (a common word matches most entities, and sorting them
 * all was most of the work); filtered by type, the best `scan` of them,
 * and every hit only when those hold fewer than `first` of the types
 * asked for while the index had more to give.
 */
export function compileSearch(
  ctx: PlanContext,
  hitType: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
  values: { query: string; labels: string[] | null; first: number },
): CompiledStatement {
  const entityNodes = [...subfieldsOf(ctx, hitType, fieldNodes).values()].flat().filter((node) => node.name.value === 'entity');
  const plan = planEntity(ctx, getNamedType(hitType.getFields().entity.type), entityNodes);
  // Each hit's label is read only when the types are filtered: a fuzzy query can hit thousands of entities.
  const byType = values.labels !== null;
  const scan = Math.min(TYPED_SEARCH_SCAN.max, Math.max(TYPED_SEARCH_SCAN.min, values.first * TYPED_SEARCH_SCAN.perHit));
  return compileStatement(
    ctx,
    { root: 'search', plan, byType },
    (names) => {
      const entity = renderEntity(plan, 'n', names);
      return {
        text: `${byType ? typedHits : bestHits}
WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($first)
RETURN ${entity.text} AS entity, score`,
        layouts: { entity: entity.layout },
      };
    },
    byType ? { ...values, scan } : values,
  );
}
