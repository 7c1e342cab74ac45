import { getNamedType, isAbstractType, isLeafType, isObjectType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
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

/** True when two types' collected selections are the same fields from the same nodes: the concrete type makes no difference. */
function sameSelection(a: Map<string, readonly FieldNode[]>, b: Map<string, readonly FieldNode[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, nodes] of a) {
    const other = b.get(key);
    if (!other || other.length !== nodes.length || nodes.some((node, i) => node !== other[i])) return false;
  }
  return true;
}

/**
 * Plans what the selection `fieldNodes` asks of an entity of `type`:
 * the properties to project, and every relation field with its own page.
 * For an interface (Entity) each possible type is collected on its own,
 * since fragments may select different fields, or the same response key
 * with other arguments, per type; relation fields that come out the same
 * for every type are planned once. Only what is asked is read: the id when
 * it is selected or something needs it (a relation's cursor, a field that
 * loads by id such as claims), the label when the answer depends on the
 * entity's type.
 */
export function planEntity(ctx: PlanContext, type: GraphQLNamedType, fieldNodes: readonly FieldNode[]): EntityPlan {
  const types = entityTypesOf(ctx, type);
  const props = new Set<string>();
  let needsId = false;
  let readsLabel = false;
  let first: Map<string, readonly FieldNode[]> | undefined;
  const groups = new Map<string, Array<{ node: FieldNode; spec: unknown; labels: string[]; relation: RelationPlan | null }>>();
  for (const objectType of types) {
    const collected = subfieldsOf(ctx, objectType, fieldNodes);
    // An interface's selection that differs by type (a fragment on one type) needs each entity's own type.
    if (first === undefined) first = collected;
    else if (!readsLabel && !sameSelection(first, collected)) readsLabel = true;
    const fields = objectType.getFields();
    for (const [key, nodes] of collected) {
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
      if (name === 'type' || (name === '__typename' && types.length > 1)) readsLabel = true;
      // A field of another kind than a stored value (claims, reports) is resolved from the entity's id.
      const field = fields[name] as (typeof fields)[string] | undefined;
      if (name === 'id' || (field && !isLeafType(getNamedType(field.type)))) needsId = true;
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
    // A relation's cursor ends with the id of the entity it is read from, unless its first step gives another.
    if (planned.some(({ relation }) => relation!.page?.edge.cursor && !relation!.via)) needsId = true;
  }
  // A relation field whose arguments were refused is answered by its resolver, which loads it by the entity's id.
  if ([...groups.values()].some((slot) => slot.some((group) => group.relation === null))) needsId = true;
  if (needsId) props.add('id');
  return { label: types.length === 1 ? types[0].name : null, readsLabel, props: [...props].sort(), relations };
}
