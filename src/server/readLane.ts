import type { IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import { isExpensive, rateLimitHeaders, type ClientBudgets, type CostEstimator } from '../admission';
import type { Config } from '../config';
import type { CompiledExecution } from '../execution';
import type { Context } from './Context';
import type { Metrics } from './metrics/createMetrics';
import { chargeBudget } from './plugins/admissionPlugin';
import { logOperation } from './plugins/loggingPlugin';
import { observeOperation } from './plugins/metricsPlugin';

/** What the read lane is made of: the application's own parts, shared with Apollo's plugins. */
export interface ReadLaneDeps {
  execution: CompiledExecution;
  costs: CostEstimator;
  budgets: ClientBudgets;
  admission: Config['admission'];
  metrics: Metrics;
  /** The request's GraphQL context, as Apollo would be given it. */
  context: (req: IncomingMessage, res: ServerResponse) => Promise<Context>;
}

/** What became of a request offered to the lane. */
export type LaneOutcome =
  /** Answered: the response is sent. */
  | { served: true }
  /** Left to Apollo; with the context the lane made when it had begun (Apollo must not make a second one). */
  | { served: false; context?: Promise<Context> };

/** The read lane: serve(req, res) for a POST whose JSON body is read, and close() before Apollo stops. */
export interface ReadLane {
  serve(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<LaneOutcome>;
  close(): void;
}

/** A GraphQL-over-HTTP request body as the lane takes it: a query, and at most variables and an operation name. */
interface LaneRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | null;
}

const NOT_SERVED: LaneOutcome = { served: false };

/** Apollo's response types for a single result, in its order of preference (chooseContentTypeForSingleResultResponse). */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const RESPONSE_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as the lane takes it; undefined for anything else (extensions, persisted queries, odd shapes), which Apollo answers. */
function laneRequest(body: unknown): LaneRequest | undefined {
  if (!isRecord(body) || typeof body.query !== 'string') return undefined;
  for (const key in body) if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
  const { variables, operationName } = body;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return { query: body.query, variables: variables ?? undefined, operationName: operationName ?? null };
}

/** Accept headers whose choice is kept: clients send a handful of distinct values, and parsing one costs more than a lookup. */
const KEPT_ACCEPT_HEADERS = 64;

/**
 * The response type Apollo would choose for an Accept header; undefined
 * when it would choose another (the subscription callback type) or refuse
 * (406): Apollo answers those.
 */
function negotiate(accept: string): string | undefined {
  const preferred = new Negotiator({ headers: { accept } }).mediaType([...RESPONSE_TYPES, 'application/json; callbackSpec=1.0; charset=utf-8']);
  return preferred && RESPONSE_TYPES.includes(preferred) ? preferred : undefined;
}

/**
 * The read lane: a repeated typed read, one Apollo has already parsed,
 * validated and run compiled without errors (CompiledExecution.known), is
 * answered here without Apollo's request pipeline. That pipeline (the query
 * hash, the document store, a context object and a round of awaited hooks
 * for every plugin at each of its stages) costs a small read about as much
 * of the single thread as the read itself (docs/api.md, "The read lane").
 *
 * The lane does what Apollo and the plugins do for such a request, with
 * the same parts: the cost estimate (the cost plugin's estimator), the
 * client's budget (chargeBudget, once per request), the context, the
 * execution (compiled, and in graphql-js again on errors), the metrics and
 * log line (observeOperation, logOperation), the RateLimit headers, and
 * Apollo's own serialization and response type. It answers only what
 * succeeds. Anything else goes to Apollo, which answers as it always has:
 *   - before any work: a query text it does not know, extensions (persisted
 *     queries), an odd body, an Accept Apollo answers otherwise, an estimate
 *     over a limit, or an expensive one (its permit is admission's);
 *   - after some: a failed authentication or a refused budget (Apollo gets
 *     the context made, and the charge is not made again), or errors in the
 *     result, which Apollo gets as the result (handOver), formats through
 *     the one error door and sends, without running the operation again.
 */
export function readLane(deps: ReadLaneDeps): ReadLane {
  const { execution, costs, budgets, admission, metrics } = deps;
  let open = true;
  const chosen = new Map<string, string | undefined>();
  const responseType = (accept: string | undefined): string | undefined => {
    if (!accept) return APPLICATION_JSON;
    if (chosen.has(accept)) return chosen.get(accept);
    const type = negotiate(accept);
    if (chosen.size < KEPT_ACCEPT_HEADERS) chosen.set(accept, type);
    return type;
  };
  return {
    close() {
      open = false;
    },
    async serve(req, res) {
      if (!open) return NOT_SERVED;
      const request = laneRequest(req.body);
      if (!request) return NOT_SERVED;
      const read = execution.known(request.query, request.operationName);
      if (!read) return NOT_SERVED;
      const type = responseType(req.headers.accept);
      if (!type) return NOT_SERVED;
      const estimate = costs.estimate(read.document, read.operation, request.variables);
      if (!estimate || estimate.violation || isExpensive(estimate, admission.expensiveCost)) return NOT_SERVED;

      const started = performance.now();
      const end = metrics.graphqlDuration.startTimer();
      const made = deps.context(req, res);
      const handOff = (): LaneOutcome => {
        metrics.readLane.inc({ outcome: 'apollo' });
        return { served: false, context: made };
      };
      let context: Context;
      try {
        context = await made;
      } catch {
        return handOff();
      }
      context.cost = estimate;
      let budget;
      try {
        budget = await chargeBudget(budgets, context, estimate.cost);
      } catch {
        return handOff();
      }
      let result;
      try {
        result = await execution.execute(read, context, request.variables);
      } catch {
        // Apollo runs it again and answers whatever it meets, through the one error door.
        return handOff();
      }
      if (result.errors?.length || context.scope.reason) {
        execution.handOver(context, result);
        return handOff();
      }

      context.scope.dispose();
      res.statusCode = 200;
      res.setHeader('content-type', type);
      if (budget) for (const [name, value] of Object.entries(rateLimitHeaders(budget))) res.setHeader(name, value);
      // Apollo's serialization of a result without errors or extensions, byte for byte.
      res.end(`${JSON.stringify({ data: result.data })}\n`);
      const operationName = read.operation.name?.value ?? null;
      observeOperation(metrics, end, operationName, context, undefined);
      logOperation(context, operationName, started);
      metrics.readLane.inc({ outcome: 'served' });
      return { served: true };
    },
  };
}
