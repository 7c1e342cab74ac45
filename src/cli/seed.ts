import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { ConnectError, openDatabase, type OpenDatabase } from '../db';
import {
  SeedValidationError,
  applySchema,
  defaultSeedFiles,
  formatSeedSummary,
  loadSeedFiles,
  readSeedFiles,
  seedDocumentJsonSchema,
  seedJsonSchemaPath,
  checkSeedInputs,
} from '../ingest';
import { PrerequisiteError } from '../neo4j-local';

/**
 * `npm run seed [-- files...]`: loads seed documents (by default every
 * seed/documents/*.yaml) into the database `npm start` uses — NEO4J_URI when
 * set, otherwise the local Neo4j, started or reused — and prints what was
 * created, updated or left unchanged. `--check` validates without a
 * database and resolves each document against the ones before it, listing
 * the entities a load would stop on for review; `--write-json-schema` regenerates seed/seed-document.schema.json.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('seed')
    .description('Load seed documents (YAML) into the diplograph graph.')
    .argument('[files...]', 'seed documents to load (default: every seed/documents/*.yaml)')
    .option('--check', 'validate and resolve the documents in memory (review cases too); needs no database')
    .option('--write-json-schema', `write the seed format's JSON Schema to ${path.relative(process.cwd(), seedJsonSchemaPath)}`)
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<{ check?: boolean; writeJsonSchema?: boolean }>();
  const say = (message: string) => process.stdout.write(`${message}\n`);

  if (options.writeJsonSchema) {
    fs.writeFileSync(seedJsonSchemaPath, `${JSON.stringify(seedDocumentJsonSchema(), null, 2)}\n`);
    say(`Wrote ${seedJsonSchemaPath}`);
    return;
  }
  const files = program.args.length ? program.args.map((file) => path.resolve(file)) : defaultSeedFiles();
  if (options.check) {
    await checkSeedInputs(readSeedFiles(files));
    say(`${files.length} document${files.length === 1 ? '' : 's'} valid: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
    return;
  }

  const config = loadConfig();
  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase(config, say);
    await applySchema(database.db);
    const started = performance.now();
    const summary = await loadSeedFiles(database.db, files, { maxBytes: config.seedMaxBytes });
    say(formatSeedSummary({ ...summary, files: summary.files.map((f) => path.relative(process.cwd(), f)) }));
    say(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  } finally {
    await database?.close();
  }
}

main(process.argv).catch((error: unknown) => {
  // Problems with the documents or the environment get their message alone; anything else is a bug and gets its stack.
  const known =
    error instanceof SeedValidationError || error instanceof ConfigError || error instanceof ConnectError || error instanceof PrerequisiteError;
  process.stderr.write(`seed failed: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
});
