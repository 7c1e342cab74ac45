import {
  Kind,
  getNamedType,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many fields graphql-jit would write code for to compile an operation,
 * counted up to `limit` (a count over it is returned as soon as it is
 * known, so the walk stays as cheap as the limit).
 *
 * graphql-jit writes a field's sub-selection out once for each object type
 * the field can return: under an interface, once per implementation. Every
 * entity type implements Entity, so each level of `relations { edges { node
 * { relations ... } } }` multiplies the code by the number of entity types:
 * three such levels took 1.7 s of the single thread to compile, four would
 * take about 20 s, and no request is answered meanwhile. graphql-js walks
 * the same operation by the types the data has, at no such price.
 */
export function compiledFieldCount(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, limit: number): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    else if (definition.kind === Kind.OPERATION_DEFINITION && (operationName === null || definition.name?.value === operationName))
      operation ??= definition;
  }
  const root = operation?.operation === 'query' ? schema.getQueryType() : undefined;
  if (!operation || !root) return 0;

  let count = 0;
  /** Counts the selection set written out for `type`; stops adding once the count is over the limit. */
  const walk = (set: SelectionSetNode, type: GraphQLObjectType): void => {
    for (const selection of set.selections) {
      if (count > limit) return;
      if (selection.kind === Kind.FIELD) {
        count += 1;
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        const named = getNamedType(field.type);
        const types = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
        for (const possible of types) walk(selection.selectionSet, possible);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        const applies = condition === type || (condition !== undefined && isAbstractType(condition) && schema.isSubType(condition, type));
        if (fragment && applies) walk(fragment.selectionSet, type);
      }
    }
  };
  walk(operation.selectionSet, root);
  return count;
}
