import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses an operation whose type the schema lacks (`mutation { … }` or
 * `subscription { … }` on a schema without one) during validation, so it
 * answers HTTP 400 with a message that says so. graphql-js 16 has no such
 * rule and fails at execution instead ("Schema is not configured to
 * execute mutation operation"), which Apollo reports as an internal error
 * with a stack in the log. (graphql-js 17 ships the same rule.)
 */
export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations; it answers queries${schema.getMutationType() ? ' and mutations' : ''}.`, {
          nodes: node,
        }),
      );
    },
  };
}
