/**
 * Start-up time, from the command to the first answer, in rounds that
 * alternate three starts on the same machine:
 *   - Neo4j alone: the local Neo4j of a seeded data folder, until Bolt
 *     accepts the password (the floor every start pays);
 *   - warm: `npm start` on that seeded folder, until POST /graphql answers;
 *   - cold: `npm start` on an empty folder (set the password, create the
 *     store, apply the schema, load the seed), until POST /graphql answers.
 * Also times `npm run apikey -- new x analyst`. Prints medians, and the
 * warm start minus Neo4j alone: what the API itself adds (target: < 2 s).
 *
 *   npm run bench:startup                   # 3 rounds; STARTUP_ROUNDS=5 for more
 *
 * Uses its own ports (PORT 4150, Bolt 7750; BENCH_PORT / BENCH_BOLT_PORT
 * change them) and data folders under .data/bench-startup/, removed after.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { firstGraphqlAnswer } from './firstGraphqlAnswer';

const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4150);
const BOLT_PORT = Number(process.env.BENCH_BOLT_PORT ?? 7750);
const BENCH_DIR = path.join(projectRoot, '.data', 'bench-startup');
const WARM_DIR = path.join(BENCH_DIR, 'warm');
const COLD_DIR = path.join(BENCH_DIR, 'cold');
const START_TIMEOUT_MS = 240_000;

/** The environment of every start: own ports and folders, a small Neo4j, quiet logs. */
function envFor(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    NEO4J_BOLT_PORT: String(BOLT_PORT),
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    // The seed loads in one transaction, under the default 10 s query timeout: a very busy machine can exceed it.
    QUERY_TIMEOUT_MS: '120000',
    // info, as JSON: the ready line carries the time of each start-up step, read below.
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
}

const outputTails = new WeakMap<ChildProcess, () => string>();

/** Starts the process in a group of its own, so that stopping it reaches npm, the shell and node alike. */
function launch(command: string, args: string[], dataDir: string): ChildProcess {
  const child = spawn(command, args, { cwd: projectRoot, env: envFor(dataDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // Keep the tail of the output: it is the explanation when a start fails.
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + String(chunk)).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  outputTails.set(child, () => tail);
  return child;
}

/** Resolves at the service's first GraphQL answer; rejects with the tail of its output when it exits first or takes too long. */
const serviceAnswers = (child: ChildProcess) =>
  firstGraphqlAnswer(child, `http://127.0.0.1:${PORT}/graphql`, START_TIMEOUT_MS, () => outputTails.get(child)?.() ?? '');

/** Resolves when the child prints a line matching pattern. */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      if (pattern.test(buffer)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${buffer}`)));
  });
}

/** Pids whose command line mentions the data folder: the Neo4j JVM of that folder. */
function processesOf(dataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Stops a start as Ctrl-C would, then waits until its Neo4j is gone too (SIGKILL after 60 s). */
async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    // already gone
  }
  const deadline = Date.now() + 60_000;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 60_000)))]);
  clearTimeout(timer);
  while (processesOf(dataDir).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // the group is empty: the normal case
  }
}

type Kind = 'neo4j alone' | 'warm start' | 'cold start';

/** One timed start of the given kind, from spawning the command to its first answer. */
async function timeStart(kind: Kind): Promise<{ ms: number; phases?: Record<string, number> }> {
  const dataDir = kind === 'cold start' ? COLD_DIR : WARM_DIR;
  if (kind === 'cold start') fs.rmSync(COLD_DIR, { recursive: true, force: true });
  const started = performance.now();
  const child =
    kind === 'neo4j alone'
      ? launch(process.execPath, [path.join(projectRoot, 'dist', 'cli', 'neo4j.js')], dataDir)
      : launch('npm', ['start', '--silent'], dataDir);
  try {
    if (kind === 'neo4j alone') {
      await lineMatching(child, /neo4j ready/);
      return { ms: performance.now() - started };
    }
    await serviceAnswers(child);
    const ms = performance.now() - started;
    // The server answers as soon as it listens; its ready line (with the step times) follows shortly.
    const readyBy = Date.now() + 30_000;
    let ready: RegExpExecArray | null = null;
    while (!(ready = /"startup":(\{[^}]*\})/.exec(outputTails.get(child)?.() ?? '')) && Date.now() < readyBy) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ms, phases: ready ? (JSON.parse(ready[1]) as Record<string, number>) : undefined };
  } finally {
    await stop(child, dataDir);
  }
}

/** Wall time of `npm run -s apikey -- new x analyst`. */
function timeApikey(): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', '-s', 'apikey', '--', 'new', 'x', 'analyst'], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`apikey failed: ${result.stderr}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  // Compile once up front (as the first `npm start` would), then make the warm folder: one untimed cold start.
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.js')], { cwd: projectRoot, stdio: 'inherit' });
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
  process.stderr.write('preparing a seeded data folder (one untimed start) ...\n');
  const prepare = launch('npm', ['start', '--silent'], WARM_DIR);
  try {
    await serviceAnswers(prepare);
  } finally {
    await stop(prepare, WARM_DIR);
  }

  const kinds: Kind[] = ['neo4j alone', 'warm start', 'cold start'];
  const times: Record<Kind | 'apikey new', number[]> = { 'neo4j alone': [], 'warm start': [], 'cold start': [], 'apikey new': [] };
  // Per warm or cold start: what the service spent after its Neo4j answered (schema, seed, app), from its ready line.
  const afterNeo4j: Record<'warm start' | 'cold start', number[]> = { 'warm start': [], 'cold start': [] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotate the order each round, so that no kind always runs on a machine warmed by the one before.
      for (let i = 0; i < kinds.length; i += 1) {
        const kind = kinds[(round + i) % kinds.length];
        const { ms, phases } = await timeStart(kind);
        times[kind].push(ms);
        if (phases && kind !== 'neo4j alone') afterNeo4j[kind].push(phases.schemaMs + phases.seedMs + phases.appMs);
        process.stderr.write(`round ${round + 1}: ${kind} ${seconds(ms)}${phases ? ` ${JSON.stringify(phases)}` : ''}\n`);
      }
      times['apikey new'].push(timeApikey());
    }
  } finally {
    fs.rmSync(BENCH_DIR, { recursive: true, force: true });
  }

  const rows = Object.entries(times).map(([kind, values]) => ({ kind, values, median: median(values) }));
  process.stdout.write(`\nstart-up, command to first answer (${ROUNDS} alternated rounds)\n`);
  process.stdout.write(`${'what'.padEnd(14)}${'median'.padStart(10)}   each round\n`);
  for (const row of rows) {
    process.stdout.write(`${row.kind.padEnd(14)}${seconds(row.median).padStart(10)}   ${row.values.map(seconds).join(', ')}\n`);
  }
  const apiOverhead = median(times['warm start']) - median(times['neo4j alone']);
  process.stdout.write(`\nwarm start - Neo4j alone: ${seconds(apiOverhead)} (npm, loading the service, schema check, app)\n`);
  for (const kind of ['warm start', 'cold start'] as const) {
    if (!afterNeo4j[kind].length) continue;
    const values = afterNeo4j[kind];
    process.stdout.write(
      `${kind}, from Neo4j answering to listening: ${seconds(median(values))} (each: ${values.map(seconds).join(', ')})` +
        `${kind === 'warm start' ? '; target < 2 s' : ', seeding included'}\n`,
    );
  }
  process.stdout.write(`apikey new: ${seconds(median(times['apikey new']))} (target < 2 s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
