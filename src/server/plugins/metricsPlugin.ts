import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Context } from '../Context';

/**
 * Prometheus metrics per GraphQL operation: duration, errors by code, and
 * Neo4j round-trips per request (a jump there means a resolver lost its
 * batching).
 */
export function metricsPlugin(registry: Registry): ApolloServerPlugin<Context> {
  const duration = new Histogram({
    name: 'diplograph_graphql_request_duration_seconds',
    help: 'GraphQL request duration in seconds, by operation name',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'diplograph_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by code',
    labelNames: ['code'],
    registers: [registry],
  });
  const roundTrips = new Histogram({
    name: 'diplograph_neo4j_round_trips_per_request',
    help: 'Neo4j round-trips made to serve one GraphQL request',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const end = duration.startTimer();
      return {
        async willSendResponse({ operationName, errors: sent, contextValue }) {
          end({ operation: operationName ?? '(anonymous)' });
          roundTrips.observe(contextValue.db.roundTrips);
          for (const error of sent ?? []) errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
        },
      };
    },
  };
}
