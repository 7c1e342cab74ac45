import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../../config';
import type { CypherSandbox } from '../../cypher-sandbox';
import type { Db } from '../../db';
import { observeConnectionPool } from '../../db/observeConnectionPool';
import { createOperationLabel } from './operationLabel';

/** What the metrics read from the rest of the app. */
export interface MetricsDeps {
  db: Db;
  cypher: CypherSandbox;
  observability: Config['observability'];
}

/**
 * Every metric of /metrics, defined in one place (docs/operations.md lists
 * them; docs/grafana-dashboard.json charts them). Every label takes its
 * values from a bounded set: routes, HTTP statuses, ErrorCode values,
 * operation names through createOperationLabel.
 */
export interface Metrics {
  registry: Registry;
  httpResponses: Counter<'method' | 'route' | 'status'>;
  graphqlDuration: Histogram<'operation'>;
  /** Errors by `extensions.code` exactly as clients received them. */
  graphqlErrors: Counter<'code'>;
  roundTrips: Histogram;
  /** Operations executed, by how: compiled, graphql-js, or graphql-js again after a compiled run reported errors. */
  executions: Counter<'executor'>;
  /** Requests the read lane began: served by it, or handed to Apollo after it began (errors, refusals). */
  readLane: Counter<'outcome'>;
  analystQueries: Counter<'kind' | 'outcome'>;
  analystDuration: Histogram<'kind'>;
  /** Maps an operation name to its bounded label. */
  operationLabel(name: string | null | undefined): string;
  /** Stops listening to the driver's pool (the app stops; the driver may live on). */
  close(): void;
}

/** Creates the registry of one app with the process metrics and every diplograph metric. */
export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const pool = observeConnectionPool(deps.db.driver);
  new Gauge({
    name: 'diplograph_neo4j_pool_connections',
    help: 'Neo4j driver connections, by state: in_use (lent to a session) or idle (open, in the pool)',
    labelNames: ['state'],
    registers,
    collect() {
      const stats = pool?.stats();
      if (!stats) return;
      this.set({ state: 'in_use' }, stats.inUse);
      this.set({ state: 'idle' }, stats.idle);
    },
  });
  new Gauge({
    name: 'diplograph_neo4j_pool_waiting',
    help: 'Sessions waiting for a Neo4j connection because the pool is full',
    registers,
    collect() {
      const stats = pool?.stats();
      if (stats) this.set(stats.waiting);
    },
  });
  const acquisition = new Histogram({
    name: 'diplograph_neo4j_pool_acquisition_seconds',
    help: 'Time to get a Neo4j connection from the pool (including waiting for one and opening one)',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 20],
    registers,
  });
  const unsubscribe = pool?.onAcquire((ms) => acquisition.observe(ms / 1000)) ?? (() => {});

  new Gauge({
    name: 'diplograph_analyst_queries_in_flight',
    help: 'Analyst Cypher queries in flight, by state: running (holding a slot) or queued (waiting for one)',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'running' }, deps.cypher.limit.active);
      this.set({ state: 'queued' }, deps.cypher.limit.queued);
    },
  });

  return {
    registry,
    httpResponses: new Counter({
      name: 'diplograph_http_responses_total',
      help: 'HTTP responses, by method, route and status (including refusals before GraphQL runs: CSRF, 401, bad JSON)',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'diplograph_graphql_request_duration_seconds',
      help: 'GraphQL request duration in seconds, by operation name (bounded: see METRICS_MAX_OPERATIONS)',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'diplograph_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by the extensions.code they received',
      labelNames: ['code'],
      registers,
    }),
    roundTrips: new Histogram({
      name: 'diplograph_neo4j_round_trips_per_request',
      help: 'Neo4j round-trips made to serve one GraphQL request',
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
      registers,
    }),
    executions: new Counter({
      name: 'diplograph_graphql_executions_total',
      help: 'GraphQL operations executed, by executor: compiled (a repeated typed read), graphql-js, or rerun (graphql-js after a compiled run reported errors)',
      labelNames: ['executor'],
      registers,
    }),
    readLane: new Counter({
      name: 'diplograph_graphql_read_lane_total',
      help: "Repeated typed reads the read lane began, by outcome: served (answered without Apollo Server's request pipeline) or apollo (handed to Apollo after it began: errors in the result, a refused budget, a failed authentication)",
      labelNames: ['outcome'],
      registers,
    }),
    analystQueries: new Counter({
      name: 'diplograph_analyst_queries_total',
      help: 'Analyst Cypher calls by kind (cypher, explain, saved, export) and outcome (ok, or the error code: TIMEOUT, FORBIDDEN, TOO_MANY_REQUESTS ...)',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    analystDuration: new Histogram({
      name: 'diplograph_analyst_query_duration_seconds',
      help: 'Analyst Cypher call duration in seconds, queueing included, by kind',
      labelNames: ['kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    operationLabel: createOperationLabel({ known: deps.observability.knownOperations, maxLearned: deps.observability.maxOperations }),
    close: () => void unsubscribe(),
  };
}
