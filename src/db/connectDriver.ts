import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';

/** Connections the driver keeps to Neo4j; admission control reserves a share of them for cheap requests. */
export const MAX_CONNECTION_POOL_SIZE = 50;

/** Where and how to connect. */
export interface ConnectOptions {
  uri: string;
  user: string;
  password: string;
  /** How long to keep retrying an unreachable server before giving up. */
  connectTimeoutMs: number;
  /** Retry and wait bounds for requests (Config's DriverBounds); the defaults suit tests and tools. */
  maxRetryTimeMs?: number;
  acquisitionTimeoutMs?: number;
  connectionTimeoutMs?: number;
  log?: (message: string) => void;
}

/** Raised when the database cannot be used at start-up; its message is meant for the operator. */
export class ConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectError';
  }
}

/**
 * Creates the driver and waits until the server answers. An unreachable
 * server is retried with backoff until connectTimeoutMs; a refused password
 * fails at once, since retrying it only trips the server's rate limit.
 */
export async function connectDriver(options: ConnectOptions): Promise<Driver> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // Lossless integers: the analyst endpoint must return 64-bit values exactly.
    disableLosslessIntegers: false,
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    // The driver's defaults (30 s of retries, 20 s to acquire, 30 s to connect) made a dead Neo4j
    // answer in 32-67 s; these bound how long a request can wait during an outage.
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 3_000,
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 3_000,
    connectionTimeout: options.connectionTimeoutMs ?? 2_000,
    userAgent: 'diplograph',
  });
  const deadline = Date.now() + options.connectTimeoutMs;
  let delay = 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await driver.verifyConnectivity();
      return driver;
    } catch (error) {
      const code = error instanceof Neo4jError ? error.code : '';
      if (code.startsWith('Neo.ClientError.Security')) {
        await driver.close();
        throw new ConnectError(
          `Neo4j at ${options.uri} refused the credentials of user "${options.user}" (${code}). ` + 'Check NEO4J_USER and NEO4J_PASSWORD.',
        );
      }
      if (Date.now() + delay > deadline) {
        await driver.close();
        throw new ConnectError(
          `Neo4j at ${options.uri} did not answer within ${options.connectTimeoutMs} ms ` +
            `(${attempt} attempts; last error: ${(error as Error).message}). ` +
            'Check that the server runs and NEO4J_URI is right, or raise NEO4J_CONNECT_TIMEOUT_MS.',
        );
      }
      options.log?.(`Neo4j at ${options.uri} is not answering yet (${(error as Error).message}); retrying ...`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
