import { Kind, getVariableValues, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { PerOperation } from '../compile';
import { estimateCost, type CostEstimate, type CostLimits } from './estimateCost';

/** Estimates of operations, each worked out once per parsed operation and variables. */
export interface CostEstimator {
  /** The operation's estimate with these variables; undefined when they do not coerce (execution then refuses them). */
  estimate(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): CostEstimate | undefined;
}

/**
 * One estimator for the application: the cost plugin and the read lane
 * share it, and its memory. Apollo keeps one parsed document per query text
 * (its document store), so a repeated query brings back the same operation
 * node, and the same variables give the same estimate: a client's repeated
 * reads are estimated once.
 */
export function createCostEstimator(schema: GraphQLSchema, limits: CostLimits): CostEstimator {
  const estimates = new PerOperation<OperationDefinitionNode, CostEstimate>();
  return {
    estimate(document, operation, variables) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
      if (coerced.errors) return undefined;
      return estimates.get(operation, JSON.stringify(coerced.coerced), () => {
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        }
        return estimateCost(schema, operation, fragments, coerced.coerced, limits);
      });
    },
  };
}
