import type { FieldNode, GraphQLNamedType } from 'graphql';
import { compileStatement, type CompiledStatement } from './compileStatement';
import { orNull } from './Layout';
import type { PlanContext } from './PlanContext';
import { planEntity } from './planEntity';
import { renderEntity } from './renderEntity';
import type { EntityPlan } from './SelectionPlan';

/**
 * Query.entity and Query.entities: entities by id, each projected as the
 * selection asks, with its relation fields, in one statement. Rows hold
 * `id` and `entity` (null for an id that is not in the graph).
 */
export function compileEntitiesById(
  ctx: PlanContext,
  type: GraphQLNamedType,
  fieldNodes: readonly FieldNode[],
  ids: readonly string[],
): CompiledStatement {
  const plan: EntityPlan = planEntity(ctx, type, fieldNodes);
  return compileStatement(
    ctx,
    { root: 'entitiesById', plan },
    // An id merged into another entity (mergeEntities) reads that entity.
    (names) => {
      const entity = orNull('n IS NULL', renderEntity(plan, 'n', names));
      return {
        text: `UNWIND $ids AS id
OPTIONAL MATCH (own:Entity {id: id})
OPTIONAL MATCH (merged:MergedId {id: id}) WHERE own IS NULL
OPTIONAL MATCH (into:Entity {id: merged.into})
WITH id, coalesce(own, into) AS n
RETURN id, ${entity.text} AS entity`,
        layouts: { entity: entity.layout },
      };
    },
    { ids },
  );
}
