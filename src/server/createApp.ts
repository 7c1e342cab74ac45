import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { clientConcurrencyGate, costLimitsOf, createClientBudgets, createCostEstimator } from '../admission';
import { authenticateRequest, createJwtVerifier, type Credentials } from '../auth';
import type { Config } from '../config';
import { createCypherSandbox } from '../cypher-sandbox';
import type { Db } from '../db';
import { createFormatError, ErrorCode } from '../errors';
import { compiledExecution } from '../execution';
import { createChangeFeed } from '../mutations';
import { reconciliationRouter } from '../reconciliation';
import { buildSchema } from '../schema';
import { mountWebPages } from '../web';
import type { Context } from './Context';
import { accessLog } from './accessLog';
import { analystExport } from './analystExport';
import { createContext } from './createContext';
import { startSubscriptionServer } from './subscriptionServer';
import { graphqlEndpoint } from './graphqlEndpoint';
import { readLane } from './readLane';
import { readJsonBody } from './readJsonBody';
import { httpErrorHandler, httpErrorResponder } from './httpErrorHandler';
import type { Logger } from './logger';
import { createMetrics } from './metrics/createMetrics';
import { observeAnalystQueries } from './metrics/observeAnalystQueries';
import { admissionPlugin } from './plugins/admissionPlugin';
import { costLimitPlugin } from './plugins/costLimitPlugin';
import { errorRequestIdPlugin } from './plugins/errorRequestIdPlugin';
import { limitsProtection } from './plugins/limitsProtection';
import { loggingPlugin } from './plugins/loggingPlugin';
import { metricsPlugin } from './plugins/metricsPlugin';
import { outageStatusPlugin } from './plugins/outageStatusPlugin';
import { assignRequestId } from './requestScope';
import { KnownOperationTypesRule } from './validation/KnownOperationTypesRule';

/** The largest GraphQL request body read, in bytes (256 KiB), on either HTTP path. */
const GRAPHQL_BODY_LIMIT = 256 * 1024;

/** What the application is made of; tests build it twice with different parts. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

/** What App.execute returns. */
export interface ExecuteResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers (tests, benches) walk the data of queries they wrote.
  data?: Record<string, any> | null;
  errors?: ReadonlyArray<GraphQLFormattedError>;
  roundTrips: number;
}

/** The HTTP application: GraphQL plus health and metrics endpoints, not yet listening. */
export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Builds a request context the way HTTP requests get one (for executeOperation in tests). */
  contextFor(): Context;
  /**
   * Runs one operation in process, in a fresh request context, as an
   * anonymous reader; returns its result and the Neo4j round-trips it cost.
   * For tests, benchmarks and tools; clients go through HTTP.
   */
  execute(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult>;
  /** Starts listening; resolves with the GraphQL URL. */
  listen(): Promise<string>;
  /** Stops taking requests, waits for those in flight, then closes the HTTP server. */
  stop(): Promise<void>;
}

/**
 * Builds the app: Apollo Server (limits, logging, metrics, the one error
 * door) under Express, with GET /healthz (the process is up), GET /readyz
 * (Neo4j answers; with its version) and GET /metrics (Prometheus).
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, db, logger } = deps;
  const expressApp = express();
  expressApp.disable('x-powered-by');
  // Answers are made per request and POSTed for: hashing every body for an ETag costs time and saves nothing.
  expressApp.set('etag', false);
  // POST /graphql with JSON goes straight to Apollo (graphqlEndpoint), everything else through Express; set up below.
  let route: http.RequestListener = expressApp;
  const httpServer = http.createServer((req, res) => route(req, res));
  const armor = limitsProtection(config.limits);
  // One sandbox per app: its concurrency limit is shared by every request; bad saved queries stop the start here.
  const sandbox = createCypherSandbox(config.cypher);
  const metrics = createMetrics({ db, cypher: sandbox, observability: config.observability });
  const cypher = observeAnalystQueries(sandbox, metrics);
  // formatError has no request at hand: its log lines name the request the error was noted for.
  const errorRequestIds = errorRequestIdPlugin();
  const errorLogger = {
    error: (fields: { err?: unknown }, message: string) => logger.error({ ...fields, requestId: errorRequestIds.requestIdOf(fields.err) }, message),
  };
  const changes = createChangeFeed();
  const contextDeps = { config, db, logger, cypher, changes };
  const credentials: Credentials = { apiKeys: config.auth.apiKeys, jwt: config.auth.jwt && createJwtVerifier(config.auth.jwt) };

  const schema = buildSchema();
  const stopSubscriptions = startSubscriptionServer({
    httpServer,
    schema,
    credentials,
    contextDeps,
    path: '/graphql',
    validationRules: armor.validationRules,
  });
  // The typed reads clients repeat run compiled; everything else in graphql-js (src/execution).
  const execution = compiledExecution(schema, config.execution, (executor) => metrics.executions.inc({ executor }));
  // Shared by the plugins and the read lane: one estimate per operation, one budget per client.
  const costs = createCostEstimator(schema, costLimitsOf(config));
  const budgets = createClientBudgets(config.admission.rateLimit);
  const apollo = new ApolloServer<Context>({
    gateway: execution.gateway,
    plugins: [
      // Subscriptions end before the HTTP server drains, so their sockets do not hold it open.
      { serverWillStart: async () => ({ drainServer: stopSubscriptions }) },
      ...armor.plugins,
      costLimitPlugin(costs),
      admissionPlugin(config.admission, budgets),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // The schema gives no cache hints, and the built-in cache-control plugin would wrap every field's resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      loggingPlugin(),
      metricsPlugin(metrics),
      outageStatusPlugin(),
      errorRequestIds.plugin,
    ],
    validationRules: [KnownOperationTypesRule, ...armor.validationRules],
    parseOptions: armor.parseOptions,
    formatError: createFormatError(errorLogger),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    logger,
  });
  await apollo.start();

  // Before everything else, so that every response, including refusals before GraphQL, has an id, a log line and a count.
  const everyRequest = [assignRequestId(), accessLog(logger, metrics)];
  expressApp.use(...everyRequest);

  expressApp.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  expressApp.get('/readyz', async (_req, res) => {
    // Its own short bound: a load balancer must learn of a dead or frozen Neo4j in seconds.
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Neo4j did not answer within ${config.readyTimeoutMs} ms`)), config.readyTimeoutMs);
    });
    try {
      const info = await Promise.race([db.serverInfo(config.readyTimeoutMs), tooSlow]);
      res.json({ status: 'ready', neo4j: info });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: 'Neo4j does not answer' });
    } finally {
      clearTimeout(timer);
    }
  });
  expressApp.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // No CORS here: exports are for analysts' own tools (the CLI, curl), never other sites' pages.
  expressApp.post('/analyst/export', express.json({ limit: '256kb' }), analystExport(contextDeps, credentials));
  // Before Apollo: a browser's GET /graphql gets GraphiQL; operations pass through to Apollo.
  mountWebPages(expressApp, config.web, logger);
  const beforeGraphql = [
    // Browser apps on other origins (a graph viewer on a dev server) must be listed in CORS_ORIGINS.
    cors({
      origin: config.http.corsOrigins,
      allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'x-neo4j-bookmark'],
      exposedHeaders: ['x-request-id'],
    }),
    clientConcurrencyGate(config.admission.clientMaxInFlight, config.auth.apiKeys),
  ];
  const graphqlContext = async (req: http.IncomingMessage, res: http.ServerResponse) =>
    createContext(contextDeps, req, await authenticateRequest(req.headers.authorization, credentials), res);
  expressApp.use(
    '/graphql',
    ...beforeGraphql,
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, { context: ({ req, res }) => graphqlContext(req, res) }),
  );
  // The W3C reconciliation API (OpenRefine): public reading, like /graphql.
  expressApp.use('/reconcile', reconciliationRouter({ config, db, logger }));
  expressApp.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ errors: [{ message: 'Not found: the API is at /graphql.', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  const httpError = httpErrorResponder(logger);
  expressApp.use(httpErrorHandler(httpError));
  const lane = readLane({ execution, costs, budgets, admission: config.admission, metrics, context: graphqlContext });
  const direct = graphqlEndpoint({
    apollo,
    middleware: [...everyRequest, ...beforeGraphql, readJsonBody(GRAPHQL_BODY_LIMIT)],
    context: graphqlContext,
    onError: httpError,
    lane,
  });
  route = (req, res) => (direct.takes(req) ? direct.serve(req, res) : expressApp(req, res));

  return {
    httpServer,
    apollo,
    contextFor: () => createContext(contextDeps),
    async execute(query, variables) {
      const contextValue = createContext(contextDeps);
      const result = await apollo.executeOperation({ query, variables }, { contextValue });
      if (result.body.kind !== 'single') throw new Error('execute() does not take incremental delivery');
      const { data, errors } = result.body.singleResult;
      return { data, errors, roundTrips: contextValue.db.roundTrips };
    },
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.http.port, config.http.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.http.port;
          resolve(`http://${config.http.host}:${port}/graphql`);
        });
      }),
    async stop() {
      // From here Apollo answers every request: it refuses new ones while it drains.
      lane.close();
      await apollo.stop();
      metrics.close();
    },
  };
}
