import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../Context';

/**
 * Apollo's formatError, where unexpected errors are logged, is given no
 * request. This plugin notes the request id of each error as the request
 * meets it (didEncounterErrors runs before the errors are formatted), so
 * the log line can name the request without a request-wide async scope,
 * which would tax every promise of every request.
 */
export function errorRequestIdPlugin(): { plugin: ApolloServerPlugin<Context>; requestIdOf(error: unknown): string | undefined } {
  const ids = new WeakMap<object, string>();
  const key = (error: unknown) => (typeof error === 'object' && error !== null ? error : undefined);
  return {
    plugin: {
      async requestDidStart() {
        return {
          async didEncounterErrors({ errors, contextValue }) {
            for (const error of errors) {
              const original = key(unwrapResolverError(error));
              if (original) ids.set(original, contextValue.requestId);
            }
          },
        };
      },
    },
    requestIdOf: (error) => {
      const original = key(error);
      return original && ids.get(original);
    },
  };
}
