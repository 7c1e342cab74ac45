import type { ApolloServerPlugin } from '@apollo/server';
import { createPermitPool, isExpensive, rateLimitHeaders, tooManyRequests, type BudgetState, type ClientBudgets } from '../../admission';
import type { Config } from '../../config';
import { AppError, ErrorCode } from '../../errors';
import type { Context } from '../Context';

/**
 * Charges the request's estimated cost to its client's budget, once per
 * request: the read lane (src/server/readLane.ts) charges before Apollo
 * sees the request, and when it then hands the request to Apollo, this
 * plugin finds the charge (or its refusal) on the context instead of
 * charging again. Undefined for a caller without a client (in-process) or
 * a role without a limit.
 */
export async function chargeBudget(budgets: ClientBudgets, context: Context, cost: number): Promise<BudgetState | undefined> {
  const charged = context.charge;
  if (charged) {
    if ('refusal' in charged) throw charged.refusal;
    return charged.state;
  }
  if (!context.client) return undefined;
  try {
    const state = await budgets.charge(context.client, context.viewer.role, cost);
    context.charge = { state };
    return state;
  } catch (refusal) {
    context.charge = { refusal };
    throw refusal;
  }
}

/**
 * Admission control. First the client's budget: each request is charged
 * its estimated cost against its client's window (createClientBudgets);
 * over it, 429 with Retry-After, and every response carries the RateLimit
 * headers. Then expensive requests (isExpensive) take a permit from a
 * small pool before any resolver runs and give it back when their response
 * is sent; a few wait for their turn, and when the queue is full, or the
 * wait passes ADMISSION_QUEUE_TIMEOUT_MS, the request is refused with 429
 * and Retry-After, and its charge is given back. Cheap requests never take a permit, and the executor
 * keeps part of the connection pool for them (RequestScope.lane), so a
 * lookup by id is never queued behind a search or a subgraph. When the
 * response is out it stops the request's deadline timer, and a request
 * stopped for RESPONSE_MAX_BYTES sends only that error, never the partial
 * data.
 *
 * Must come after costLimitPlugin: it reads the estimate that plugin leaves
 * on the context.
 */
export function admissionPlugin(admission: Config['admission'], budgets: ClientBudgets): ApolloServerPlugin<Context> {
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
      let budget: BudgetState | undefined;
      return {
        async didResolveOperation({ contextValue }) {
          const estimate = contextValue.cost;
          if (!estimate || estimate.violation) return;
          const { client } = contextValue;
          const { role } = contextValue.viewer;
          budget = await chargeBudget(budgets, contextValue, estimate.cost);
          if (!isExpensive(estimate, admission.expensiveCost)) return;
          let permit: () => void;
          try {
            // The scope makes its AbortSignal on first use: only a request that has to queue needs one.
            permit = await pool.acquire(() => contextValue.scope.signal);
          } catch (refused) {
            // Refused for want of a turn, it did no work: a client that retries as told must not spend its budget on waiting.
            if (client && budget) budget = await budgets.refund(client, role, estimate.cost);
            throw refused;
          }
          // Another plugin may have failed the request while this one waited: give the permit straight back.
          if (finished) return permit();
          release = permit;
          contextValue.scope.lane = 'expensive';
        },
        async willSendResponse({ response, contextValue }) {
          finished = true;
          release?.();
          contextValue.scope.dispose();
          const reason = contextValue.scope.reason;
          // Past RESPONSE_MAX_BYTES the partial data is dropped too: only the error is serialized and sent.
          if (reason instanceof AppError && reason.code === ErrorCode.RESPONSE_TOO_LARGE && response.body.kind === 'single') {
            response.body.singleResult = { data: null, errors: [{ message: reason.message, extensions: { ...reason.extensions } }] };
          }
          if (budget) for (const [name, value] of Object.entries(rateLimitHeaders(budget))) response.http.headers.set(name, value);
        },
      };
    },
  };
}
