import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors';
import type { Context } from '../Context';
import type { Metrics } from '../metrics/createMetrics';

/** The code a client received for an error (after the one error door), never a placeholder. */
function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * The metrics of one answered operation: its duration (`end`, from the
 * histogram's startTimer) by its bounded label, its round-trips, and the
 * codes of the errors sent (as formatted). Also records the label for the
 * request's access log line. For the metrics plugin and the read lane.
 */
export function observeOperation(
  metrics: Metrics,
  end: (labels: { operation: string }) => void,
  operationName: string | null | undefined,
  context: Context,
  sent: readonly GraphQLFormattedError[] | undefined,
): void {
  const operation = metrics.operationLabel(operationName);
  end({ operation });
  if (context.record) context.record.operation = operation;
  metrics.roundTrips.observe(context.db.roundTrips);
  for (const error of sent ?? []) metrics.graphqlErrors.inc({ code: codeOf(error) });
}

/**
 * Prometheus metrics per GraphQL operation: duration by (bounded) operation
 * name, errors by the code clients received, and Neo4j round-trips per
 * request (a jump there means a resolver lost its batching). Also records
 * the operation's label for the request's access log line.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      // An unknown API key fails in the context function, before any request hook: count its code here.
      metrics.graphqlErrors.inc({ code: codeOf(error as { extensions?: Record<string, unknown> }) });
    },
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operationName, response, contextValue }) {
          // The formatted errors, as sent: what formatError made of them, so masked bugs count as INTERNAL_SERVER_ERROR.
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          observeOperation(metrics, end, operationName, contextValue, sent);
        },
      };
    },
  };
}
