import type { OperationDefinitionNode } from 'graphql';
import { LIST_QUERIES } from '../resolvers';

/**
 * The root fields whose operations may run compiled: the typed reads, each
 * one statement compiled from its selection (lists, entity lookups,
 * search). Their resolvers have no side effects, so an operation that ends
 * in an error can simply run again in graphql-js. The analyst, exploration,
 * provenance and audit fields stay in graphql-js: some run for seconds, and
 * running one twice would double what it costs.
 */
const COMPILED_ROOT_FIELDS = new Set(['__typename', 'entity', 'node', 'entities', 'search', ...Object.keys(LIST_QUERIES)]);

/** True for a query whose root selection is fields of COMPILED_ROOT_FIELDS only (no fragments, no directives at the root). */
export function runsCompiled(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === 'Field' && !selection.directives?.length && COMPILED_ROOT_FIELDS.has(selection.name.value),
    )
  );
}
