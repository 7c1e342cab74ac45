// Before anything that loads graphql-js or Express: they read NODE_ENV once, when loaded.
import './config/productionMode';
import { ConfigError, loadConfig } from './config';
import { SavedQueryError } from './cypher-sandbox';
import { ConnectError, openDatabase, type OpenDatabase } from './db';
import { applySchema, seedIfEmpty, SeedValidationError } from './ingest';
import { LocalNeo4jError, PrerequisiteError } from './neo4j-local';
import { createApp, createLogger, type App } from './server';

/**
 * `npm start`: validate the configuration, reach (or start) Neo4j, apply
 * constraints and indexes, seed an empty graph, then serve GraphQL. SIGINT
 * and SIGTERM drain requests, close the driver and stop the local Neo4j.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel, config.observability.logFormat);
  const say = (message: string) => logger.info(message);

  let database: OpenDatabase | undefined;
  let app: App | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: draining requests and stopping.`);
    try {
      await app?.stop();
      await database?.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // How long each step took, in the ready line: where a slow start spends its time.
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  database = await openDatabase(config, say, (q) => logger.trace(q, 'neo4j query'));
  phase('neo4jMs');
  if (stopping) return;
  let url: string;
  try {
    await applySchema(database.db);
    phase('schemaMs');
    if (config.seedOnStart) {
      await seedIfEmpty(database.db, (message, fields) => logger.info(fields ?? {}, message), undefined, { maxBytes: config.seedMaxBytes });
    }
    phase('seedMs');
    app = await createApp({ config, db: database.db, logger });
    url = await app.listen();
    phase('appMs');
  } catch (error) {
    // Stop the local Neo4j cleanly rather than leaving it to the exit hook's SIGKILL.
    await database.close().catch(() => {});
    throw error;
  }
  const info = await database.db.serverInfo();
  logger.info(
    { startup: phases },
    `diplograph ready at ${url} (Neo4j ${info.version} ${info.edition}), started in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The operator's message for an error we can explain; undefined for a bug. */
function explain(error: unknown): string | undefined {
  if (
    error instanceof ConfigError ||
    error instanceof ConnectError ||
    error instanceof PrerequisiteError ||
    error instanceof LocalNeo4jError ||
    error instanceof SeedValidationError ||
    error instanceof SavedQueryError
  ) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
    return `cannot listen on ${address}:${port} (${code}); set HOST and PORT to a free address.`;
  }
  return undefined;
}

main().catch((error: unknown) => {
  // Operator errors get their message alone; anything else is a bug and gets its stack.
  const message = explain(error) ?? String((error as Error)?.stack ?? error);
  process.stderr.write(`diplograph could not start: ${message}\n`);
  process.exit(1);
});
