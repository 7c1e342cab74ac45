import { printSchema } from 'graphql';
import { buildSchema } from '../schema';

/**
 * `npm run -s schema:print`: writes the public GraphQL contract (every
 * schema/*.graphql file, merged as the server serves it, with its
 * descriptions) to stdout as SDL, for clients and code generators:
 * `npm run -s schema:print > diplograph.graphql`. Needs no database.
 */
function main(): void {
  process.stdout.write(`${printSchema(buildSchema())}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`schema:print failed: ${(error as Error).message}\n`);
  process.exit(1);
}
