import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { LocalNeo4jError, PrerequisiteError, startLocalNeo4j, type LocalNeo4j } from '../neo4j-local';

/**
 * `npm run neo4j`: starts the local Neo4j that `npm start` uses (the one of
 * NEO4J_DATA_DIR, on NEO4J_BOLT_PORT), says where it listens, and keeps it
 * until SIGINT or SIGTERM. When that server already runs (an `npm start`
 * elsewhere), it says where and exits, leaving it to its owner. For work on
 * the database without the API (cypher-shell, `npm run seed` again and
 * again), and for bench:startup, which times Neo4j alone against `npm start`.
 */
async function main(argv: string[]): Promise<void> {
  new Command().name('neo4j').description('Run the local Neo4j of this checkout until Ctrl-C, without the API.').showHelpAfterError().parse(argv);
  const config = loadConfig();
  if (config.neo4j.kind !== 'local') {
    throw new ConfigError([`NEO4J_URI is set (${config.neo4j.uri}): that server is not this checkout's to start; unset NEO4J_URI to run the local one.`]);
  }
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const neo4j: LocalNeo4j = await startLocalNeo4j({ ...config.neo4j, log: say });
  const stop = () => {
    // A server this process only found running belongs to whoever started it: stop() leaves it be.
    void neo4j.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  say(
    `neo4j ready at ${neo4j.uri} (user ${neo4j.user}, password in ${path.resolve(config.neo4j.dataDir, 'password')})` +
      `${neo4j.owned ? '; Ctrl-C stops it' : '; it was already running and is left running'}`,
  );
}

main(process.argv).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof PrerequisiteError || error instanceof LocalNeo4jError;
  process.stderr.write(`neo4j could not start: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
