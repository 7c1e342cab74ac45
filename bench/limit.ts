/**
 * The API against its limit and its peer: for each workload, the GraphQL API
 * over HTTP, a bare node:http handler that runs ONE hand-written statement
 * and returns the same JSON (checked byte for byte first), and the peer,
 * @neo4j/graphql 7 over equivalent type definitions (bench/limit/peerServer;
 * its answer, mapped to the API's shape, checked deep-equal first), on the
 * same Neo4j, over a synthetic graph in the project's model
 * (bench/limit/generateGraph). The API runs as `npm start` runs it, the
 * built bundle in a process of its own (bench/limit/apiProcess); the limit
 * and the peer serve from this process's main thread. Rounds alternate
 * between the sides; each prints req/s, p50 and p99, the ratios API ÷ limit
 * and API ÷ peer, and the CPU time each side's main thread spent per request.
 *
 *   npm run bench:limit                      # 50,000 persons, ~330,000 relationships
 *   npm run bench:limit -- --scale 0.05 --seconds 2 --rounds 2   # a quick trial
 *   npm run bench:limit -- --no-peer         # the API and the limit only
 *   npm run bench:limit -- --warmup 1        # a shorter warm-up (5 s per workload and side, twice, by default)
 *   npm run bench:limit -- --limit-tx managed   # the limit in managed transactions (executeRead)
 */
// The limit and the peer run as the API does (NODE_ENV=production unless set); before anything loads graphql-js.
import '../src/config/productionMode';
// tsx turns source maps on, and the driver formats a stack trace for every result it makes: through source maps
// that cost the limit about 0.05 ms more per request than it costs plain Node, as the API runs.
process.setSourceMapsEnabled(false);
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Command, Option } from 'commander';
import { openBenchDatabase, runBenchmark } from './benchDatabase';
import { startApiProcess } from './limit/apiProcess';
import { generateGraph, graphSize } from './limit/generateGraph';
import { laneShare } from './limit/laneShare';
import { startLimitServer } from './limit/limitServer';
import { localNeo4jPid, mainThreadCpuMs, processCpuMs } from './limit/cpuMs';
import { startPeerServer } from './limit/peerServer';
import { workloads } from './limit/workloads';

const PREFIX = 'bench-limit-';
// Applying the schema and awaiting indexes over 100,000s of nodes outlasts the API's default 10 s on a busy machine.
process.env.QUERY_TIMEOUT_MS ??= '60000';

const options = new Command()
  .option('--scale <n>', 'graph size; 1 = 50,000 persons', '1')
  .option('--seconds <n>', 'seconds per round and side', '4')
  .option('--rounds <n>', 'alternated rounds per workload', '3')
  .option('--warmup <n>', 'seconds of load on the API and the limit for every workload before any is measured, and on each side before its rounds', '5')
  .option('--connections <n>', 'concurrent connections', '10')
  .option('--no-peer', 'leave @neo4j/graphql (the peer) out')
  .addOption(
    new Option('--limit-tx <kind>', "the limit's transactions: auto-commit, as the API's reads, or managed (executeRead: BEGIN and COMMIT more)")
      .choices(['auto', 'managed'])
      .default('auto'),
  )
  .parse()
  .opts<{ scale: string; seconds: string; rounds: string; warmup: string; connections: string; peer: boolean; limitTx: 'auto' | 'managed' }>();

// The limit runs every connection's statement at once; the API's admission control (defaults: 2 at a time, 4 queued,
// 16 in flight per client, 2 sessions for the expensive lane, a reader's cost budget per minute, then 429) would otherwise
// be what is measured, not the read path. Set them to override. The peer has no such limits: it is measured as a plain library.
const apiEnv: Record<string, string | undefined> = {
  ADMISSION_MAX_CONCURRENT: process.env.ADMISSION_MAX_CONCURRENT ?? options.connections,
  ADMISSION_MAX_QUEUED: process.env.ADMISSION_MAX_QUEUED ?? options.connections,
  ADMISSION_CLIENT_MAX_IN_FLIGHT: process.env.ADMISSION_CLIENT_MAX_IN_FLIGHT ?? options.connections,
  ADMISSION_EXPENSIVE_SESSIONS: process.env.ADMISSION_EXPENSIVE_SESSIONS ?? options.connections,
  RATE_LIMIT_READER: process.env.RATE_LIMIT_READER ?? '0',
  QUERY_TIMEOUT_MS: process.env.QUERY_TIMEOUT_MS,
};

interface Sample {
  requests: number;
  seconds: number;
  latencies: number[];
  /** CPU ms the serving process's main thread used during the round: a figure much steadier than req/s on a shared machine. */
  cpuMs: number;
  /** CPU ms Neo4j's JVM used during the round (all its threads); NaN when Neo4j is not a local process. */
  neo4jMs: number;
}

/** The local Neo4j's JVM, whose CPU time each round reports; undefined for a Neo4j elsewhere. */
let neo4jPid: number | undefined;
const neo4jCpuMs = () => (neo4jPid === undefined ? NaN : processCpuMs(neo4jPid));

/** One round of load on one URL, from a worker thread, bounded by time; `pid` is the process that serves it. */
async function load(url: string, body: string, seconds: number, pid: number): Promise<Sample> {
  const before = mainThreadCpuMs(pid);
  const neo4jBefore = neo4jCpuMs();
  const sample = await new Promise<Omit<Sample, 'cpuMs' | 'neo4jMs'>>((resolve, reject) => {
    // The worker is TypeScript too: it registers tsx's require hook first, then loads the file.
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'limit', 'loadWorker.ts'))});`, {
      eval: true,
      workerData: { url, body, connections: Number(options.connections), durationMs: seconds * 1000 },
    });
    worker.once('message', (message: { latencies?: number[]; seconds?: number; error?: string }) => {
      if (message.error) reject(new Error(`${url}: ${message.error}`));
      else resolve({ requests: message.latencies!.length, seconds: message.seconds!, latencies: message.latencies! });
    });
    worker.once('error', reject);
  });
  return { ...sample, cpuMs: mainThreadCpuMs(pid) - before, neo4jMs: neo4jCpuMs() - neo4jBefore };
}

/** The garbage collector's flags of this process (npm start sets the same for the API; see the README), or Node's defaults. */
const GC_FLAGS = ['--max-semi-space-size', '--no-allocation-site-pretenuring'];
const gcFlags = () =>
  [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv].filter((flag) => GC_FLAGS.some((name) => flag.startsWith(name))).join(' ') ||
  "Node's default garbage collector";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function postText(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.text();
}

/** req/s over all rounds of one side, the p50 and p99 of all its latencies, and its main thread's and Neo4j's CPU ms per request. */
function summarize(samples: Sample[]): { rate: number; p50: number; p99: number; cpuPerRequest: number; neo4jPerRequest: number } {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = samples.reduce((n, s) => n + s.requests, 0);
  const rate = requests / samples.reduce((n, s) => n + s.seconds, 0);
  const cpuPerRequest = samples.reduce((n, s) => n + s.cpuMs, 0) / requests;
  const neo4jPerRequest = samples.reduce((n, s) => n + s.neo4jMs, 0) / requests;
  return { rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuPerRequest, neo4jPerRequest };
}

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  const servers: Array<{ close(): Promise<void> }> = [];
  try {
    await generateGraph(db, PREFIX, graphSize(Number(options.scale)), log);
    neo4jPid = database.local && localNeo4jPid(database.local.logFile);
    await db.write('awaitIndexes', 'CALL db.awaitIndexes(300)');
    const credentials = database.local ?? (config.neo4j.kind === 'remote' ? config.neo4j : undefined);
    if (!credentials) throw new Error('no Neo4j to give the API');
    const api = await startApiProcess({
      neo4j: { uri: credentials.uri, user: credentials.user, password: credentials.password, database: db.database },
      env: Object.fromEntries(Object.entries(apiEnv).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    });
    servers.push(api);
    const apiUrl = api.url;
    const list = workloads(PREFIX);
    const limit = await startLimitServer(db.driver, db.database, list, options.limitTx);
    servers.push(limit);
    const peer = options.peer ? await startPeerServer(db.driver, db.database) : undefined;
    if (peer) servers.push(peer);

    // Neo4j was just started and has only written (the graph): its JVM compiles the read path during the first
    // workloads' load, on the cores the sides share, and the first workload measured (W1) paid for it. One pass over
    // every workload, API and limit, before any is measured; each is warmed again on its own turn below.
    const apiBodies = list.map((workload) => JSON.stringify({ query: workload.query, variables: workload.variables }));
    for (const i of list.keys()) {
      await load(apiUrl, apiBodies[i], Number(options.warmup), api.pid);
      await load(`${limit.url}/${i}`, '', Number(options.warmup), process.pid);
    }

    const seconds = Number(options.seconds);
    const rows: string[][] = [];
    const peerFailures: string[] = [];
    for (const [i, workload] of list.entries()) {
      const apiBody = apiBodies[i];
      const limitUrl = `${limit.url}/${i}`;
      const [fromApi, fromLimit] = [await postText(apiUrl, apiBody), await postText(limitUrl, '')];
      if (fromApi.trimEnd() !== fromLimit) {
        throw new Error(`${workload.name}: the answers differ\nAPI:   ${fromApi.slice(0, 600)}\nlimit: ${fromLimit.slice(0, 600)}`);
      }
      const sides: Array<{ url: string; body: string; pid: number; samples: Sample[] }> = [
        { url: apiUrl, body: apiBody, pid: api.pid, samples: [] },
        { url: limitUrl, body: '', pid: process.pid, samples: [] },
      ];
      if (peer) {
        const peerBody = JSON.stringify({ query: workload.peer.query, variables: workload.peer.variables });
        const fromPeer = JSON.parse(await postText(peer.url, peerBody)) as { data?: Record<string, unknown>; errors?: unknown };
        if (fromPeer.errors || !fromPeer.data) {
          // A peer that cannot answer (on the full graph, W1's sort over every person passes Neo4j's transaction
          // memory limit) is a finding, printed under the table; the API and the limit are still measured.
          peerFailures.push(`${workload.name}: the peer answered with errors, not timed: ${JSON.stringify(fromPeer.errors).slice(0, 300)}`);
        } else {
          const mapped = workload.peer.data(fromPeer.data);
          if (!isDeepStrictEqual(mapped, (JSON.parse(fromApi) as { data: unknown }).data)) {
            throw new Error(
              `${workload.name}: the peer's answer differs\nAPI:  ${fromApi.slice(0, 600)}\npeer: ${JSON.stringify({ data: mapped }).slice(0, 600)}`,
            );
          }
          sides.push({ url: peer.url, body: peerBody, pid: process.pid, samples: [] });
        }
      }
      // Warm every side again right before its rounds (the peer for the first time): a fresh process spends its first
      // seconds under load optimizing code on V8's background threads, and 1 s of warm-up left that in W1's rounds.
      for (const side of sides) await load(side.url, side.body, Number(options.warmup), side.pid);
      for (let round = 0; round < Number(options.rounds); round += 1) {
        // Rotate who goes first, so no side always meets a warmer or colder machine.
        for (let k = 0; k < sides.length; k += 1) {
          const side = sides[(round + k) % sides.length];
          side.samples.push(await load(side.url, side.body, seconds, side.pid));
        }
      }
      const [a, l, p] = sides.map((side) => summarize(side.samples));
      rows.push([
        workload.name,
        a.rate.toFixed(0),
        l.rate.toFixed(0),
        p ? p.rate.toFixed(0) : '—',
        `${(a.rate / l.rate).toFixed(2)}`,
        p ? `${(a.rate / p.rate).toFixed(2)}` : '—',
        [a, l, p].map((s) => (s ? s.p50.toFixed(1) : '—')).join(' / '),
        [a, l, p].map((s) => (s ? s.p99.toFixed(1) : '—')).join(' / '),
        `${(a.p99 / l.p99).toFixed(2)}`,
        [a, l, p].map((s) => (s ? s.cpuPerRequest.toFixed(2) : '—')).join(' / '),
        [a, l, p].map((s) => (s && !Number.isNaN(s.neo4jPerRequest) ? s.neo4jPerRequest.toFixed(2) : '—')).join(' / '),
        `${fromApi.trimEnd().length}`,
      ]);
      log(`  measured ${workload.name}`);
    }
    const header = [
      'workload',
      'API req/s',
      'limit req/s',
      'peer req/s',
      'API ÷ limit',
      'API ÷ peer',
      'p50 ms API / limit / peer',
      'p99 ms API / limit / peer',
      'p99 API ÷ limit',
      'main thread CPU ms/req API / limit / peer',
      'Neo4j CPU ms/req API / limit / peer',
      'JSON bytes',
    ];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    log(
      `\n${options.connections} connections; ${options.warmup} s of load on the API and the limit for every workload first, then for each ` +
        `workload ${options.warmup} s of warm-up and ${options.rounds} alternated rounds of ${seconds} s per side; answers checked equal first ` +
        `(the limit's byte for byte, the peer's deep-equal after mapping it to the API's shape); ` +
        `the limit in ${options.limitTx === 'auto' ? 'auto-commit' : 'managed'} transactions; ` +
        `the API ran as \`${api.command}\` (npm start) in its own process, the limit and the peer here with ${gcFlags()}` +
        (peer ? '' : '; the peer left out (--no-peer)'),
    );
    log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
    const share = await laneShare(apiUrl);
    log(
      `The API's read lane sent ${share.served} of its ${share.responses} GraphQL responses (${share.handedOver} handed to Apollo after it began); ` +
        "the others (first uses, and search, whose permit is admission control's) went through Apollo Server.",
    );
    for (const failure of peerFailures) log(failure);
  } finally {
    for (const server of servers.reverse()) await server.close().catch(() => {});
    await close();
  }
}

runBenchmark(main);
