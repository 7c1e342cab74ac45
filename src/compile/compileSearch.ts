import type { FieldNode, GraphQLObjectType } from 'graphql';
import { getNamedType } from 'graphql';
import { compileStatement, type CompiledStatement } from './compileStatement';
import { subfieldsOf, type PlanContext } from './PlanContext';
import { planEntity } from './planEntity';
import { labelOf, renderEntity } from './renderEntity';

/**
 * Query.search as one statement: the full-text hits through the
 * `entity_fulltext` index (the Lucene query is a parameter), the type
 * filter before LIMIT, each hit's entity projected as selected. Hits that
 * score alike come in id order; when more of them tie than `first` leaves
 * room for, the index picks which (its own order, stable while the index
 * is unchanged), as search engines do. Rows hold `entity` and `score`.
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
  // Unfiltered, the index keeps only the best `first` hits, instead of handing every match to Cypher to sort: a common
  // word matches most entities. Filtered, every hit is needed (the type is checked after), so none is left out.
  const options = byType ? '' : ', {limit: toInteger($first)}';
  return compileStatement(
    ctx,
    { root: 'search', plan, byType },
    (names) => {
      const entity = renderEntity(plan, 'n', names);
      return {
        text: `CALL db.index.fulltext.queryNodes('entity_fulltext', $query${options}) YIELD node AS n, score${byType ? `\nWITH n, score WHERE ${labelOf('n')} IN $labels` : ''}
WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($first)
RETURN ${entity.text} AS entity, score`,
        layouts: { entity: entity.layout },
      };
    },
    values,
  );
}
