import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors';
import type { Context } from '../Context';

/**
 * The log line of one answered operation (`started` from performance.now()):
 * at info when it had errors (their codes before formatError: a bug's error
 * has no code yet, and leaves as INTERNAL_SERVER_ERROR), else at debug. For
 * the logging plugin and the read lane.
 */
export function logOperation(context: Context, operationName: string | null | undefined, started: number, errors?: readonly GraphQLError[]): void {
  if (!errors?.length && !context.logger.isLevelEnabled('debug')) return;
  const fields = {
    operation: operationName ?? '(anonymous)',
    ms: Math.round(performance.now() - started),
    roundTrips: context.db.roundTrips,
    role: context.viewer.role,
    errors: errors?.map((e) => e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR),
  };
  if (errors?.length) context.logger.info(fields, 'graphql request failed');
  else context.logger.debug(fields, 'graphql request');
}

/**
 * One log line per operation: name, duration, round-trips to Neo4j and
 * error codes. Round-trips are at info level only when something went
 * wrong; at debug level every request shows them, which is how batching is
 * checked by eye.
 */
export function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, errors }) {
          logOperation(contextValue, operationName, started, errors);
        },
      };
    },
  };
}
