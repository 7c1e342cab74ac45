import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { JwtConfig } from '../auth/JwtConfig';
import { parseApiKeys, type ApiKey, type ApiKeySource } from '../auth/parseApiKeys';
import { MAX_CONNECTION_POOL_SIZE } from '../db/connectDriver';
import { projectRoot } from './projectRoot';

/**
 * Every environment variable the service reads, with its default.
 * The README's configuration table mirrors this list; keep them together.
 */
const booleanFromEnv = z.enum(['true', 'false', '1', '0'], { error: 'expected true or false' }).transform((v) => v === 'true' || v === '1');

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected at least ${min}` })
    .max(max, { error: `expected at most ${max}` });

/** Neo4j memory sizes as neo4j.conf writes them: 512m, 1g, 256k. */
const memorySize = z.string().regex(/^\d+[kmg]$/i, { error: 'expected a size such as 512m or 1g' });

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  CORS_ORIGINS: z
    .string()
    .regex(/^(https?:\/\/[^\s,]+)(,https?:\/\/[^\s,]+)*$/, { error: 'expected origins such as http://localhost:5173, comma-separated' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, { error: 'expected a bolt:// or neo4j:// URI' })
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, { error: 'expected at least 8 characters' }).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, { error: 'expected a Neo4j database name' })
    .default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: int(0, 3_600_000).default(30_000),
  // Outage bounds (README, "When Neo4j is down"): how long one request may wait on a dead or frozen Neo4j.
  NEO4J_MAX_RETRY_TIME_MS: int(0, 600_000).default(3_000),
  NEO4J_ACQUISITION_TIMEOUT_MS: int(100, 600_000).default(3_000),
  NEO4J_CONNECTION_TIMEOUT_MS: int(100, 600_000).default(2_000),
  READY_TIMEOUT_MS: int(100, 60_000).default(1_500),

  NEO4J_BOLT_PORT: int(0, 65535).default(7687),
  NEO4J_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(projectRoot, '.data', 'neo4j')),
  NEO4J_CACHE_DIR: z
    .string()
    .min(1)
    .default(path.join(os.homedir(), '.cache', 'diplograph')),
  NEO4J_HEAP: memorySize.default('1g'),
  NEO4J_PAGECACHE: memorySize.default('512m'),
  NEO4J_TX_MEMORY_MAX: memorySize.default('256m'),
  NEO4J_START_TIMEOUT_MS: int(1_000, 3_600_000).default(120_000),
  // The local Neo4j's supervisor: restarts when it exits on its own, at most this many per window.
  NEO4J_MAX_RESTARTS: int(0, 1_000).default(5),
  NEO4J_RESTART_WINDOW_MS: int(1_000, 86_400_000).default(600_000),

  SEED_ON_START: booleanFromEnv.default(true),
  // Exposure (README, "Exposure"): schema introspection, and the largest seed file read.
  INTROSPECTION: booleanFromEnv.default(true),
  SEED_MAX_BYTES: int(1_000, 1_000_000_000).default(5_000_000),

  // The exploration API (docs/exploration.md): subgraph caps, depth, path search.
  GRAPH_NODE_LIMIT: int(1, 10_000).default(100),
  GRAPH_MAX_NODE_LIMIT: int(1, 10_000).default(500),
  GRAPH_EDGES_PER_NODE: int(1, 20).default(3),
  GRAPH_MAX_DEPTH: int(1, 6).default(3),
  GRAPH_SCAN_LIMIT: int(100, 1_000_000).default(10_000),
  GRAPH_MAX_EXCLUDE: int(0, 100_000).default(5_000),
  PATHS_MAX_LENGTH: int(1, 6).default(6),
  PATHS_MAX_FIRST: int(1, 10).default(10),
  PATHS_TIMEOUT_MS: int(100, 600_000).default(5_000),

  LIST_DEFAULT_LIMIT: int(1, 10_000).default(20),
  LIST_MAX_LIMIT: int(1, 10_000).default(100),
  // Raw selection depth is only a safety net against absurd nesting: what a query costs is measured by
  // the estimate (QUERY_MAX_COST, QUERY_MAX_ROWS, QUERY_MAX_HOPS), which counts relation levels, not wrappers.
  QUERY_MAX_DEPTH: int(1, 100).default(40),
  QUERY_MAX_COST: int(1, 100_000_000).default(500_000),
  QUERY_MAX_ALIASES: int(1, 1_000).default(30),
  // A typed read is compiled to JavaScript on its n-th use (src/execution); 0 runs every operation in graphql-js.
  GRAPHQL_COMPILE_AFTER: int(0, 1_000_000).default(3),
  // Compiling runs on the single thread: at most this many milliseconds of it per second (5 % by default).
  GRAPHQL_COMPILE_MS_PER_SECOND: int(1, 1_000).default(50),
  // Below 10 s so that a frozen Neo4j is reported (transaction timeout + 1 s) within 10 s.
  QUERY_TIMEOUT_MS: int(100, 600_000).default(8_000),

  // Admission control (README, "Limits and fairness"): the cost estimate, budgets, rate limits, deadline.
  QUERY_MAX_ROWS: int(1, 100_000_000).default(500_000),
  QUERY_MAX_HOPS: int(1, 20).default(4),
  ADMISSION_EXPENSIVE_COST: int(0, 100_000_000).default(10_000),
  ADMISSION_MAX_CONCURRENT: int(1, 1_000).default(2),
  ADMISSION_MAX_QUEUED: int(0, 10_000).default(4),
  ADMISSION_QUEUE_TIMEOUT_MS: int(0, 600_000).default(1_000),
  // About the number of cores Neo4j has: more expensive statements at once only slow every other request down.
  ADMISSION_EXPENSIVE_SESSIONS: int(1, 1_000).default(2),
  ADMISSION_CLIENT_MAX_IN_FLIGHT: int(1, 10_000).default(16),
  RATE_LIMIT_WINDOW_S: int(1, 86_400).default(60),
  RATE_LIMIT_READER: int(0, 1_000_000_000).default(2_000_000),
  RATE_LIMIT_ANALYST: int(0, 1_000_000_000).default(10_000_000),
  RATE_LIMIT_ADMIN: int(0, 1_000_000_000).default(0),
  REQUEST_TIMEOUT_MS: int(100, 3_600_000).default(15_000),
  RESPONSE_MAX_BYTES: int(1_000, 1_000_000_000).default(8_000_000),

  // API keys, `name:role:sha256hex` entries (see docs/analyst.md); both sources add up.
  API_KEYS: z.string().optional(),
  API_KEYS_FILE: z.string().min(1).optional(),

  // Bearer JWTs beside the API keys (docs/writes.md): one key source, issuer and audience required.
  JWT_SECRET: z.string().min(32, { error: 'expected an HS256 secret of at least 32 characters' }).optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_ROLES_CLAIM: z
    .string()
    .regex(/^[^\s]{1,200}$/, { error: 'expected a claim name without spaces' })
    .default('roles'),
  JWT_CLOCK_TOLERANCE_S: int(0, 300).default(30),

  // The write API (docs/writes.md).
  WRITE_TIMEOUT_MS: int(100, 600_000).default(30_000),
  INGEST_MAX_BYTES: int(1_000, 50_000_000).default(1_000_000),

  // The analyst Cypher sandbox (docs/analyst.md).
  CYPHER_TIMEOUT_MS: int(100, 600_000).default(5_000),
  CYPHER_MAX_TIMEOUT_MS: int(100, 600_000).default(30_000),
  CYPHER_ROW_LIMIT: int(1, 1_000_000).default(1_000),
  CYPHER_MAX_ROW_LIMIT: int(1, 1_000_000).default(10_000),
  CYPHER_MAX_RESULT_BYTES: int(1_000, 1_000_000_000).default(10_000_000),
  CYPHER_MAX_CONCURRENT: int(1, 100).default(2),
  CYPHER_MAX_QUEUED: int(0, 1_000).default(4),
  CYPHER_MAX_RANGE_VALUES: int(1, 100_000_000).default(100_000),
  SAVED_QUERIES_DIR: z.string().min(1).default(path.join(projectRoot, 'queries')),

  // Observability (docs/operations.md): log format and the bounded operation-name label of /metrics.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  METRICS_OPERATIONS: z
    .string()
    .regex(/^[_A-Za-z][_0-9A-Za-z]*(,[_A-Za-z][_0-9A-Za-z]*)*$/, { error: 'expected GraphQL operation names, comma-separated' })
    .optional(),
  METRICS_MAX_OPERATIONS: int(0, 10_000).default(100),

  // Pages for people (web/): GraphiQL at GET /graphql, the explorer at /explorer.
  GRAPHIQL: booleanFromEnv.default(true),
  EXPLORER: booleanFromEnv.default(true),
  WEB_DIR: z.string().min(1).default(path.join(projectRoot, 'dist-web')),
});

export type Env = z.infer<typeof envSchema>;

/** The name of every variable the configuration reads (docker-compose.yml passes them through; a test checks). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Variables whose values never appear in messages or logs. */
const SECRETS = new Set(['NEO4J_PASSWORD', 'API_KEYS', 'JWT_SECRET']);

/** How long the driver may wait on the server; every field bounds one way a request can hang during an outage. */
export interface DriverBounds {
  /** How long transient failures are retried: managed transactions (the driver's maxTransactionRetryTime) and auto-commit reads. */
  maxRetryTimeMs: number;
  /** How long a request waits for a pooled connection, connecting included. */
  acquisitionTimeoutMs: number;
  /** How long opening one connection (TCP and Bolt handshake) may take. */
  connectionTimeoutMs: number;
}

export interface Config {
  http: {
    host: string;
    port: number;
    /** Browser origins allowed to call the API cross-origin; none by default. */
    corsOrigins: string[];
  };
  logLevel: Env['LOG_LEVEL'];
  /** Log format and metric labels (docs/operations.md). */
  observability: {
    /** `auto`: readable lines on a terminal, JSON otherwise. */
    logFormat: Env['LOG_FORMAT'];
    /** Operation names always kept as their own metric label. */
    knownOperations: string[];
    /** How many other operation names get a label of their own (first seen first); the rest count as "other". */
    maxOperations: number;
  };
  /** Where Neo4j is: an existing server, or the local one this process manages. */
  neo4j:
    | ({ kind: 'remote'; uri: string; user: string; password: string; database: string; connectTimeoutMs: number } & DriverBounds)
    | ({
        kind: 'local';
        boltPort: number;
        dataDir: string;
        cacheDir: string;
        heap: string;
        pageCache: string;
        txMemoryMax: string;
        startTimeoutMs: number;
        restartPolicy: { maxRestarts: number; windowMs: number; initialBackoffMs: number; maxBackoffMs: number };
        password?: string;
        database: string;
        connectTimeoutMs: number;
      } & DriverBounds);
  /** How long GET /readyz waits for Neo4j before answering 503. */
  readyTimeoutMs: number;
  /** Whether the schema may be introspected (GraphiQL, codegen); off hides it from strangers. */
  introspection: boolean;
  /** Seed files larger than this are refused before they are read. */
  seedMaxBytes: number;
  seedOnStart: boolean;
  auth: {
    /** Configured API keys (digests only), from API_KEYS and API_KEYS_FILE. */
    apiKeys: ApiKey[];
    /** Bearer JWT verification; absent unless JWT_SECRET or JWT_JWKS_FILE is set. */
    jwt?: JwtConfig;
  };
  /** The write API: mutation transaction timeout and the largest document ingestDocument takes. */
  writes: {
    timeoutMs: number;
    ingestMaxBytes: number;
  };
  /** Limits of the analyst Cypher sandbox. */
  cypher: {
    defaultTimeoutMs: number;
    maxTimeoutMs: number;
    defaultRowLimit: number;
    maxRowLimit: number;
    /** Rows stop being collected once their JSON passes this size (truncated: true). */
    maxResultBytes: number;
    maxConcurrent: number;
    /** Calls that may wait for a slot; more get TOO_MANY_REQUESTS. */
    maxQueued: number;
    /** Values all range() calls inside expressions may make, multiplied (the server cannot stop those). */
    maxRangeValues: number;
    savedQueriesDir: string;
  };
  limits: {
    listDefault: number;
    listMax: number;
    queryMaxDepth: number;
    queryMaxCost: number;
    queryMaxAliases: number;
    queryTimeoutMs: number;
  };
  /** Operations: a typed read runs compiled from its n-th use on (src/execution), 0 never compiles; compiling takes at most msPerSecond. */
  execution: { compileAfter: number; compileMsPerSecond: number };
  /** Admission control: the cost estimate's limits, the expensive lane, per-client budgets, the request deadline. */
  admission: {
    /** Rows one relation level may produce: its `first` times the rows of its parent level. */
    maxRows: number;
    /** Relation fields nested in one another (hops from the root entity). */
    maxHops: number;
    /** From this estimated cost on, a request is expensive (search and exploration always are). */
    expensiveCost: number;
    /** Expensive requests served at once; the rest wait in the queue or are refused with 429. */
    maxConcurrent: number;
    maxQueued: number;
    /** How long an expensive request may wait for its turn before it is refused with 429. */
    queueTimeoutMs: number;
    /** Neo4j sessions the expensive lane may hold at once; the rest of the driver's pool is kept for cheap requests. */
    expensiveSessions: number;
    /** Requests one client may have in flight; one more is refused before its body is read. */
    clientMaxInFlight: number;
    /** Per-client cost budget per window, by role; 0 means no limit. */
    rateLimit: { windowSeconds: number; reader: number; analyst: number; admin: number };
    /** One deadline for all the Neo4j work of a request. */
    requestTimeoutMs: number;
    /** The most bytes of data one response may carry. */
    responseMaxBytes: number;
  };
  /** Caps of the exploration API: neighborhood, expand and paths. */
  exploration: {
    /** Nodes in a subgraph when the `limit` argument is left out. */
    nodeLimit: number;
    /** The largest `limit` a client may ask for. */
    maxNodeLimit: number;
    /** Edges allowed per node of the limit: a subgraph has at most limit × this many edges. */
    edgesPerNode: number;
    maxDepth: number;
    /** Relationships one ring may read before it stops and reports truncated (bounds filtered scans of hubs). */
    scanLimit: number;
    /** The most ids `expand(exclude:)` takes. */
    maxExclude: number;
    pathsMaxLength: number;
    /** The most paths `paths(first:)` returns; at most 10. */
    pathsMaxFirst: number;
    /** Transaction timeout of a path search. */
    pathsTimeoutMs: number;
  };
  /** The pages the API serves to browsers, bundled by web/build.ts. */
  web: {
    graphiql: boolean;
    explorer: boolean;
    /** The folder of the bundles (dist-web/). */
    dir: string;
  };
}

/** Thrown when the environment does not validate; its message lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at start-up, and returns a typed Config.
 * Fails fast with every problem at once: each line names the variable, the
 * value it got and what was expected, so a typo is fixed in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set": `PORT= npm start` should take the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = env[name] ?? '';
        // Say which secret was wrong and why, never what it is.
        const shown = SECRETS.has(name) ? `(hidden, ${value.length} characters)` : JSON.stringify(value);
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.LIST_DEFAULT_LIMIT > e.LIST_MAX_LIMIT) {
    problems.push(`LIST_DEFAULT_LIMIT=${e.LIST_DEFAULT_LIMIT}: expected at most LIST_MAX_LIMIT (${e.LIST_MAX_LIMIT})`);
  }
  if (e.GRAPH_NODE_LIMIT > e.GRAPH_MAX_NODE_LIMIT) {
    problems.push(`GRAPH_NODE_LIMIT=${e.GRAPH_NODE_LIMIT}: expected at most GRAPH_MAX_NODE_LIMIT (${e.GRAPH_MAX_NODE_LIMIT})`);
  }
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    problems.push('NEO4J_PASSWORD="": expected the password of the server at NEO4J_URI');
  }
  if (e.CYPHER_TIMEOUT_MS > e.CYPHER_MAX_TIMEOUT_MS) {
    problems.push(`CYPHER_TIMEOUT_MS=${e.CYPHER_TIMEOUT_MS}: expected at most CYPHER_MAX_TIMEOUT_MS (${e.CYPHER_MAX_TIMEOUT_MS})`);
  }
  if (e.CYPHER_ROW_LIMIT > e.CYPHER_MAX_ROW_LIMIT) {
    problems.push(`CYPHER_ROW_LIMIT=${e.CYPHER_ROW_LIMIT}: expected at most CYPHER_MAX_ROW_LIMIT (${e.CYPHER_MAX_ROW_LIMIT})`);
  }
  if (e.ADMISSION_EXPENSIVE_SESSIONS >= MAX_CONNECTION_POOL_SIZE) {
    problems.push(
      `ADMISSION_EXPENSIVE_SESSIONS=${e.ADMISSION_EXPENSIVE_SESSIONS}: expected fewer than the driver's ${MAX_CONNECTION_POOL_SIZE} connections, so cheap requests keep some`,
    );
  }
  const apiKeys = readApiKeys(e, problems);
  const jwt = readJwtConfig(e, problems);
  if (problems.length) throw new ConfigError(problems);
  const driverBounds: DriverBounds = {
    maxRetryTimeMs: e.NEO4J_MAX_RETRY_TIME_MS,
    acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
    connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
  };

  return {
    http: { host: e.HOST, port: e.PORT, corsOrigins: e.CORS_ORIGINS?.split(',') ?? [] },
    logLevel: e.LOG_LEVEL,
    observability: {
      logFormat: e.LOG_FORMAT,
      knownOperations: e.METRICS_OPERATIONS?.split(',') ?? [],
      maxOperations: e.METRICS_MAX_OPERATIONS,
    },
    neo4j: e.NEO4J_URI
      ? {
          kind: 'remote',
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD!,
          database: e.NEO4J_DATABASE,
          connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
          ...driverBounds,
        }
      : {
          kind: 'local',
          boltPort: e.NEO4J_BOLT_PORT,
          dataDir: path.resolve(e.NEO4J_DATA_DIR),
          cacheDir: path.resolve(e.NEO4J_CACHE_DIR),
          heap: e.NEO4J_HEAP,
          pageCache: e.NEO4J_PAGECACHE,
          txMemoryMax: e.NEO4J_TX_MEMORY_MAX,
          startTimeoutMs: e.NEO4J_START_TIMEOUT_MS,
          restartPolicy: { maxRestarts: e.NEO4J_MAX_RESTARTS, windowMs: e.NEO4J_RESTART_WINDOW_MS, initialBackoffMs: 1_000, maxBackoffMs: 30_000 },
          password: e.NEO4J_PASSWORD,
          database: e.NEO4J_DATABASE,
          connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
          ...driverBounds,
        },
    readyTimeoutMs: e.READY_TIMEOUT_MS,
    introspection: e.INTROSPECTION,
    seedMaxBytes: e.SEED_MAX_BYTES,
    seedOnStart: e.SEED_ON_START,
    auth: { apiKeys, jwt },
    writes: { timeoutMs: e.WRITE_TIMEOUT_MS, ingestMaxBytes: e.INGEST_MAX_BYTES },
    cypher: {
      defaultTimeoutMs: e.CYPHER_TIMEOUT_MS,
      maxTimeoutMs: e.CYPHER_MAX_TIMEOUT_MS,
      defaultRowLimit: e.CYPHER_ROW_LIMIT,
      maxRowLimit: e.CYPHER_MAX_ROW_LIMIT,
      maxResultBytes: e.CYPHER_MAX_RESULT_BYTES,
      maxConcurrent: e.CYPHER_MAX_CONCURRENT,
      maxQueued: e.CYPHER_MAX_QUEUED,
      maxRangeValues: e.CYPHER_MAX_RANGE_VALUES,
      savedQueriesDir: path.resolve(e.SAVED_QUERIES_DIR),
    },
    limits: {
      listDefault: e.LIST_DEFAULT_LIMIT,
      listMax: e.LIST_MAX_LIMIT,
      queryMaxDepth: e.QUERY_MAX_DEPTH,
      queryMaxCost: e.QUERY_MAX_COST,
      queryMaxAliases: e.QUERY_MAX_ALIASES,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    },
    execution: { compileAfter: e.GRAPHQL_COMPILE_AFTER, compileMsPerSecond: e.GRAPHQL_COMPILE_MS_PER_SECOND },
    admission: {
      maxRows: e.QUERY_MAX_ROWS,
      maxHops: e.QUERY_MAX_HOPS,
      expensiveCost: e.ADMISSION_EXPENSIVE_COST,
      maxConcurrent: e.ADMISSION_MAX_CONCURRENT,
      maxQueued: e.ADMISSION_MAX_QUEUED,
      queueTimeoutMs: e.ADMISSION_QUEUE_TIMEOUT_MS,
      expensiveSessions: e.ADMISSION_EXPENSIVE_SESSIONS,
      clientMaxInFlight: e.ADMISSION_CLIENT_MAX_IN_FLIGHT,
      rateLimit: { windowSeconds: e.RATE_LIMIT_WINDOW_S, reader: e.RATE_LIMIT_READER, analyst: e.RATE_LIMIT_ANALYST, admin: e.RATE_LIMIT_ADMIN },
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      responseMaxBytes: e.RESPONSE_MAX_BYTES,
    },
    exploration: {
      nodeLimit: e.GRAPH_NODE_LIMIT,
      maxNodeLimit: e.GRAPH_MAX_NODE_LIMIT,
      edgesPerNode: e.GRAPH_EDGES_PER_NODE,
      maxDepth: e.GRAPH_MAX_DEPTH,
      scanLimit: e.GRAPH_SCAN_LIMIT,
      maxExclude: e.GRAPH_MAX_EXCLUDE,
      pathsMaxLength: e.PATHS_MAX_LENGTH,
      pathsMaxFirst: e.PATHS_MAX_FIRST,
      pathsTimeoutMs: e.PATHS_TIMEOUT_MS,
    },
    web: { graphiql: e.GRAPHIQL, explorer: e.EXPLORER, dir: path.resolve(e.WEB_DIR) },
  };
}

/**
 * Collects the API keys of API_KEYS and API_KEYS_FILE (both may be set; a
 * name used in both is reported). Problems are added to `problems` so they
 * are shown with every other bad variable; digests are never echoed.
 */
function readApiKeys(e: Env, problems: string[]): ApiKey[] {
  const sources: ApiKeySource[] = [];
  if (e.API_KEYS) sources.push({ text: e.API_KEYS, origin: 'API_KEYS' });
  if (e.API_KEYS_FILE) {
    try {
      sources.push({ text: fs.readFileSync(e.API_KEYS_FILE, 'utf8'), origin: `API_KEYS_FILE=${JSON.stringify(e.API_KEYS_FILE)}` });
    } catch (error) {
      problems.push(
        `API_KEYS_FILE=${JSON.stringify(e.API_KEYS_FILE)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  const parsed = parseApiKeys(sources);
  problems.push(...parsed.problems);
  return parsed.keys;
}

/**
 * The JWT settings, checked as a whole: one key source (a secret or a JWKS
 * file that parses as a key set with at least one key), and an issuer and
 * an audience, since a token valid for another service must not pass here.
 */
function readJwtConfig(e: Env, problems: string[]): JwtConfig | undefined {
  if (!e.JWT_SECRET && !e.JWT_JWKS_FILE) {
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (e[name]) problems.push(`${name}=${JSON.stringify(e[name])}: set JWT_SECRET or JWT_JWKS_FILE too, or leave it unset`);
    }
    return undefined;
  }
  const before = problems.length;
  if (e.JWT_SECRET && e.JWT_JWKS_FILE) {
    problems.push(`JWT_JWKS_FILE=${JSON.stringify(e.JWT_JWKS_FILE)}: set either JWT_SECRET or JWT_JWKS_FILE, not both`);
  }
  if (!e.JWT_ISSUER) problems.push('JWT_ISSUER="": expected the issuer (iss) tokens must carry when JWTs are accepted');
  if (!e.JWT_AUDIENCE) problems.push('JWT_AUDIENCE="": expected the audience (aud) tokens must carry when JWTs are accepted');
  let key: JwtConfig['key'] | undefined;
  if (e.JWT_SECRET) key = { kind: 'secret', secret: new TextEncoder().encode(e.JWT_SECRET) };
  else if (e.JWT_JWKS_FILE) {
    const shown = `JWT_JWKS_FILE=${JSON.stringify(e.JWT_JWKS_FILE)}`;
    try {
      const jwks = JSON.parse(fs.readFileSync(e.JWT_JWKS_FILE, 'utf8')) as JSONWebKeySet;
      if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) throw new Error('expected a JSON object with a non-empty "keys" list');
      if (jwks.keys.some((k) => k.kty === 'oct')) throw new Error('symmetric ("oct") keys are not accepted in a key set: use JWT_SECRET');
      if (jwks.keys.some((k) => 'd' in k)) throw new Error('the key set holds a private key: publish only public keys');
      createLocalJWKSet(jwks);
      key = { kind: 'jwks', jwks, file: e.JWT_JWKS_FILE };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${shown}: ${code ? `cannot read it (${code})` : `not a usable JSON Web Key Set: ${(error as Error).message}`}`);
    }
  }
  if (problems.length > before || !key) return undefined;
  return { key, issuer: e.JWT_ISSUER!, audience: e.JWT_AUDIENCE!, rolesClaim: e.JWT_ROLES_CLAIM, clockToleranceS: e.JWT_CLOCK_TOLERANCE_S };
}
