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
export async function openBenchDatabase(): Promise<{ config: Config; database: OpenDatabase; close(): Promise<void> }> {
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
  return {
    config,
    database,
    async close() {
      await database.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
