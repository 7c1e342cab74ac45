import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/config';
import { openDatabase, type OpenDatabase } from '../src/db';
import { applySchema } from '../src/ingest';

/**
 * The database a benchmark runs on: NEO4J_URI when it is set, otherwise a
 * throwaway local Neo4j in a temporary folder on a free loopback port,
 * removed afterwards. Benchmarks only ever talk to loopback or NEO4J_URI.
 */
export async function openBenchDatabase(prefix: string): Promise<{ config: Config; database: OpenDatabase; close(): Promise<void> }> {
  const dataDir = process.env.NEO4J_URI ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    PORT: '0',
    NEO4J_BOLT_PORT: '0',
    NEO4J_HEAP: process.env.NEO4J_HEAP ?? '1g',
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? '256m',
    ...(dataDir ? { NEO4J_DATA_DIR: dataDir } : {}),
  });
  const database = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
  await applySchema(database.db);
  // Leftovers of an interrupted run on NEO4J_URI would skew the figures.
  await deleteBenchData(database, prefix);
  return {
    config,
    database,
    async close() {
      await deleteBenchData(database, prefix).catch(() => {});
      await database.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const DELETE_BENCH_DATA = 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted';

/** Removes what a benchmark wrote: every entity whose id starts with its prefix, 5,000 per transaction (bench:limit writes 100,000s). */
async function deleteBenchData(database: OpenDatabase, prefix: string): Promise<void> {
  for (;;) {
    const [row] = await database.db.write<{ deleted: number }>('deleteBenchData', DELETE_BENCH_DATA, { prefix });
    if (!row || row.deleted === 0) return;
  }
}

/** Runs a benchmark's main function; a failure prints its stack and exits non-zero. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

/** Median of the timings of `runs` calls, in milliseconds, after `warmup` untimed calls. */
export async function medianMs(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
