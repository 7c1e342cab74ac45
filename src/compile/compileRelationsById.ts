import type { FieldNode, GraphQLObjectType } from 'graphql';
import { compileStatement, type CompiledStatement } from './compileStatement';
import type { PlanContext } from './PlanContext';
import { planRelation } from './planRelation';
import { renderRelation } from './renderRelation';

/**
 * One relation field for entities that were not read by a compiled
 * statement (those the exploration API returns, for one): the same
 * expression a compiled parent would hold, for a batch of ids. Rows hold
 * `id` and `value`. Null when the field's arguments are bad (its resolver
 * reports them).
 */
export function compileRelationsById(ctx: PlanContext, parent: GraphQLObjectType, fieldNodes: readonly FieldNode[]): CompiledStatement | null {
  const plan = planRelation(ctx, parent, fieldNodes);
  if (!plan) return null;
  return compileStatement(ctx, { root: 'relationsById', plan }, (names) => {
    const value = renderRelation(plan, 'n', names);
    return {
      text: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${value.text} AS value`,
      layouts: { value: value.layout },
    };
  });
}
