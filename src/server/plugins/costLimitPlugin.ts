import type { ApolloServerPlugin } from '@apollo/server';
import type { CostEstimate, CostEstimator } from '../../admission';
import { AppError, ErrorCode } from '../../errors';
import type { Context } from '../Context';

/** The refusal of an operation whose estimate is over a limit: QUERY_TOO_COSTLY (HTTP 400), naming the costly part. */
function tooCostly(estimate: CostEstimate): AppError | undefined {
  const v = estimate.violation;
  if (!v) return undefined;
  return new AppError(ErrorCode.QUERY_TOO_COSTLY, v.message, {
    limit: v.limit,
    max: v.max,
    estimate: Number.isFinite(v.estimate) ? v.estimate : null,
    path: v.path,
    http: { status: 400 },
  });
}

/**
 * Estimates each operation's cost once its variables are known (Apollo's
 * didResolveOperation, after validation and before any resolver runs) and
 * refuses one over a limit with QUERY_TOO_COSTLY (HTTP 400), naming the
 * costly part. The estimate stays on the context: admission control and
 * the per-client budget use it.
 */
export function costLimitPlugin(estimator: CostEstimator): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          // Bad variables are refused by execution, before any resolver, with graphql-js's own message.
          const estimate = estimator.estimate(document, operation, request.variables);
          if (!estimate) return;
          contextValue.cost = estimate;
          const refusal = tooCostly(estimate);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
