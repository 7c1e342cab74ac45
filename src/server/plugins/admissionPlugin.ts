import type { ApolloServerPlugin } from '@apollo/server';
import { createPermitPool, isExpensive, tooManyRequests } from '../../admission';
import type { Config } from '../../config';
import type { Context } from '../Context';

/**
 * Admission control: expensive requests (isExpensive) take a permit from a
 * small pool before any resolver runs and give it back when their response
 * is sent; a few wait for their turn, and when the queue is full, or the
 * wait passes ADMISSION_QUEUE_TIMEOUT_MS, the request is refused with 429
 * and Retry-After. Cheap requests never take a permit, and the executor
 * keeps part of the connection pool for them (RequestScope.lane), so a
 * lookup by id is never queued behind a search or a subgraph.
 *
 * Must come after costLimitPlugin: it reads the estimate that plugin leaves
 * on the context.
 */
export function admissionPlugin(admission: Config['admission']): ApolloServerPlugin<Context> {
  const pool = createPermitPool({
    maxConcurrent: admission.maxConcurrent,
    maxQueued: admission.maxQueued,
    queueTimeoutMs: admission.queueTimeoutMs,
    refusal: (reason) =>
      tooManyRequests(
        `Too many expensive requests at once (${admission.maxConcurrent} running, ${admission.maxQueued} waiting)` +
          `${reason === 'timeout' ? `; this one waited ${admission.queueTimeoutMs} ms` : ''}. ` +
          'Search, exploration and large selections take turns; try again shortly.',
        1,
        { reason: reason === 'full' ? 'ADMISSION_QUEUE_FULL' : 'ADMISSION_QUEUE_TIMEOUT' },
      ),
  });
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      let finished = false;
      return {
        async didResolveOperation({ contextValue }) {
          const estimate = contextValue.cost;
          if (!estimate || estimate.violation || !isExpensive(estimate, admission.expensiveCost)) return;
          const permit = await pool.acquire();
          // Another plugin may have failed the request while this one waited: give the permit straight back.
          if (finished) return permit();
          release = permit;
          contextValue.scope.lane = 'expensive';
        },
        async willSendResponse() {
          finished = true;
          release?.();
        },
      };
    },
  };
}
