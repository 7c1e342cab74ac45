import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../errors';
import type { Context } from '../Context';

/**
 * HTTP 503 (with Retry-After) for a response in which nothing succeeded
 * because the database could not be reached: no data at all, or only null
 * top-level fields, and a SERVICE_UNAVAILABLE among the errors. Load
 * balancers and clients then see an outage as one, and retry elsewhere or
 * later; a partial answer (some fields served) stays 200 with its errors.
 */
export function outageStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          const nothingServed = !data || Object.values(data).every((value) => value === null);
          if (!nothingServed) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
