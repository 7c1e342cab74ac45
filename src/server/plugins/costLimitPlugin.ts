import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, getVariableValues, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { estimateCost, type CostEstimate, type CostLimits } from '../../admission';
import { PerOperation } from '../../compile';
import { AppError, ErrorCode } from '../../errors';
import type { Context } from '../Context';

/**
 * Estimates each operation's cost once its variables are known (Apollo's
 * didResolveOperation, after validation and before any resolver runs) and
 * refuses one over a limit with QUERY_TOO_COSTLY (HTTP 400), naming the
 * costly part. The estimate stays on the context: admission control and
 * the per-client budget use it.
 */
export function costLimitPlugin(limits: CostLimits): ApolloServerPlugin<Context> {
  // Apollo keeps one parsed document per query text (its document store), so a repeated query brings back the same
  // operation node, and the same variables give the same estimate: a client's repeated reads are estimated once.
  const estimates = new PerOperation<OperationDefinitionNode, CostEstimate>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Bad variables are refused by execution, before any resolver, with graphql-js's own message.
          if (coerced.errors) return;
          const estimate = estimates.get(operation, JSON.stringify(coerced.coerced), () => {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            return estimateCost(schema, operation, fragments, coerced.coerced, limits);
          });
          contextValue.cost = estimate;
          const v = estimate.violation;
          if (v) {
            throw new AppError(ErrorCode.QUERY_TOO_COSTLY, v.message, {
              limit: v.limit,
              max: v.max,
              estimate: Number.isFinite(v.estimate) ? v.estimate : null,
              path: v.path,
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
