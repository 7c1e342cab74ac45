import { isAbstractType, isObjectType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { isEntityType } from '../model';
import { RELATION_FIELDS } from '../relations';
import { subfieldsOf, type PlanContext } from './PlanContext';
import { planRelation } from './planRelation';
import type { EntityPlan, RelationPlan, RelationSlot } from './SelectionPlan';

/** Fields that are not stored properties under their own name: what they read instead. */
const DERIVED: Record<string, Record<string, readonly string[]>> = {
  '*': { type: [], __typename: [] },
  Statement: { quote: ['kind', 'text'] },
};

/** The object types an entity of this schema type can be: itself, or every entity type implementing the interface. */
function entityTypesOf(ctx: PlanContext, type: GraphQLNamedType): GraphQLObjectType[] {
  const types = isObjectType(type) ? [type] : isAbstractType(type) ? ctx.schema.getPossibleTypes(type) : [];
  return types.filter((t) => isEntityType(t.name));
}

/**
 * Plans what the selection `fieldNodes` asks of an entity of `type`:
 * the properties to project, and every relation field with its own page.
 * For an interface (Entity) each possible type is collected on its own,
 * since fragments may select different fields, or the same response key
 * with other arguments, per type; relation fields that come out the same
 * for every type are planned once.
 */
export function planEntity(ctx: PlanContext, type: GraphQLNamedType, fieldNodes: readonly FieldNode[]): EntityPlan {
  const types = entityTypesOf(ctx, type);
  const props = new Set(['id']);
  const groups = new Map<string, Array<{ node: FieldNode; spec: unknown; labels: string[]; relation: RelationPlan | null }>>();
  for (const objectType of types) {
    for (const [key, nodes] of subfieldsOf(ctx, objectType, fieldNodes)) {
      const name = nodes[0].name.value;
      const spec = name === 'relations' ? 'relations' : RELATION_FIELDS[objectType.name as keyof typeof RELATION_FIELDS]?.[name];
      if (spec) {
        const slot = groups.get(key) ?? [];
        groups.set(key, slot);
        const same = slot.find((group) => group.node === nodes[0] && group.spec === spec);
        if (same) same.labels.push(objectType.name);
        else slot.push({ node: nodes[0], spec, labels: [objectType.name], relation: planRelation(ctx, objectType, nodes) });
        continue;
      }
      const derived = DERIVED[objectType.name]?.[name] ?? DERIVED['*'][name];
      for (const property of derived ?? [name]) props.add(property);
    }
  }
  const relations: RelationSlot[] = [];
  for (const [key, slot] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const planned = slot.filter((group) => group.relation !== null);
    if (planned.length === 0) continue;
    const everyType = planned.length === 1 && planned[0].labels.length === types.length;
    relations.push({
      key,
      branches: planned.map((group) => ({ labels: everyType ? null : group.labels, relation: group.relation! })),
    });
  }
  return { label: types.length === 1 ? types[0].name : null, props: [...props].sort(), relations };
}
