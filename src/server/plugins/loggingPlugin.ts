import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../errors';
import type { Context } from '../Context';

/**
 * One log line per operation: name, duration, round-trips to Neo4j and
 * error codes. Round-trips are at info level only when something went
 * wrong; at debug level every request shows them, which is how batching is
 * checked by eye.
 */
export function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue: ctx, operationName, errors }) {
          const fields = {
            operation: operationName ?? '(anonymous)',
            ms: Math.round(performance.now() - started),
            roundTrips: ctx.db.roundTrips,
            role: ctx.viewer.role,
            // Before formatError: a bug's error has no code yet; it leaves as INTERNAL_SERVER_ERROR.
            errors: errors?.map((e) => e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR),
          };
          if (errors?.length) contextValue.logger.info(fields, 'graphql request failed');
          else contextValue.logger.debug(fields, 'graphql request');
        },
      };
    },
  };
}
