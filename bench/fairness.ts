/**
 * Fairness under attack: a victim client asks for one entity by id every
 * 200 ms, alone and while an attacker sends the most expensive requests the
 * limits accept, 5, 20 and 50 at a time, phases alternated with quiet ones.
 * Prints the victim's p50/p99 per phase, the attacker's accepted and refused
 * counts, the API's peak RSS, and the transactions of the attack still
 * running 5 s after each attack phase. Loopback only; bounded in time
 * (about 2.5 minutes after the graph is built).
 *
 *   npm run bench:fairness
 *
 * Targets: victim p99 ≤ 1 s in every phase, no INTERNAL_SERVER_ERROR, API
 * RSS peak < 600 MB, no transaction left 5 s after an attack.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashApiKey } from '../src/auth';
import { openBenchDatabase, runBenchmark } from './benchDatabase';

const PREFIX = 'bench-fairness-';
const LEAVES = 18_000;
const BATCH = 6_000;
const PHASE_MS = 15_000;
const SETTLE_MS = 5_000;
const CONCURRENCY = [5, 20, 50];
const KEYS = { victim: 'fairness-victim-key-1', attacker: 'fairness-attacker-key-2' };

const hub = `${PREFIX}hub`;
const hub2 = `${PREFIX}hub2`;
const leaf = (i: number) => `${PREFIX}leaf-${i}`;

/** The most expensive requests the default limits accept, each just under QUERY_MAX_COST or QUERY_MAX_ROWS. */
const ATTACKS: Array<{ name: string; query: string; variables: Record<string, unknown> }> = [
  {
    name: 'relations(first: 70) three deep from the hub',
    query: `query($id: ID!, $n: NonNegativeInt) { entity(id: $id) { relations(first: $n) { edges { node { id
      relations(first: $n) { edges { node { id relations(first: $n) { edges { evidence { quote } node { id name } } } } } } } } } } }`,
    variables: { id: hub, n: 70 },
  },
  {
    name: '6 aliases of search, 16 fuzzy words',
    query: `query($t: String!) { ${Array.from({ length: 6 }, (_, i) => `s${i}: search(text: $t, first: 100) { score entity { id name } }`).join(' ')} }`,
    variables: { t: 'fairnes lef persn statment witkof trmp putn zelensk summt meetng envoi kremln moscw kyev ukrain russa' },
  },
  {
    name: '8 aliases of paths hub to hub2, maxLength 6',
    query: `query($a: ID!, $b: ID!) { ${Array.from({ length: 8 }, (_, i) => `p${i}: paths(from: $a, to: $b, maxLength: 6, first: 10) { length nodes { entityId } }`).join(' ')} }`,
    variables: { a: hub, b: hub2 },
  },
  {
    name: '25 aliases of expand, 100 ids, 5,000 excluded',
    query: `query($ids: [ID!]!, $x: [ID!]) { ${Array.from({ length: 25 }, (_, i) => `e${i}: expand(ids: $ids, exclude: $x, limit: 100) { nodes { entityId } edges { id } }`).join(' ')} }`,
    variables: {
      ids: Array.from({ length: 100 }, (_, i) => leaf(i + 1)),
      x: Array.from({ length: 5_000 }, (_, i) => leaf(i + 101)),
    },
  },
];

const VICTIM_QUERY = 'query($id: ID!) { entity(id: $id) { id name } }';

/** The victim runs in its own thread, so that parsing the attacker's answers never delays its clock. */
const VICTIM_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', (m) => { if (m === 'stop') stop = true; });
(async () => {
  while (!stop) {
    const started = performance.now();
    let code = 'OK';
    try {
      const res = await fetch(workerData.url, { method: 'POST', signal: AbortSignal.timeout(15000),
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + workerData.key },
        body: JSON.stringify({ query: workerData.query, variables: { id: workerData.id } }) });
      const body = await res.json();
      if (body.errors) code = body.errors[0].extensions?.code ?? 'ERROR';
      else if (!body.data?.entity) code = 'MISSING';
    } catch (e) { code = e.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK'; }
    const ms = performance.now() - started;
    parentPort.postMessage({ at: Date.now(), ms, code });
    await new Promise((r) => setTimeout(r, Math.max(0, 200 - ms)));
  }
  parentPort.postMessage('done');
})();`;

interface Sample {
  at: number;
  ms: number;
  code: string;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak and current resident memory of a process, in MB, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Starts the API as its own process (so its RSS is its own) and resolves with its GraphQL URL. */
function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const root = path.resolve(__dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /diplograph ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url: ready[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before it was ready:\n${output.slice(-2_000)}`)));
  });
}

async function main(): Promise<void> {
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  let api: ChildProcess | undefined;
  try {
    const loadStarted = performance.now();
    await db.write('fairnessHubs', `UNWIND [$hub, $hub2] AS id CREATE (:Entity:Person {id: id, name: 'Fairness hub ' + id, aliases: []})`, { hub, hub2 });
    for (let start = 1; start <= LEAVES; start += BATCH) {
      await db.write(
        'fairnessLeaves',
        `MATCH (h:Entity {id: $hub}), (h2:Entity {id: $hub2})
         UNWIND range($start, $end) AS i
         CREATE (l:Entity:Person {id: $prefix + 'leaf-' + i, name: 'Fairness leaf person ' + i, aliases: ['Leaf ' + i]})
         CREATE (l)-[:ADVISER_TO {sources: [], quote: 'leaf ' + i, confidence: 1.0}]->(h)
         FOREACH (_ IN CASE WHEN i % 10 = 0 THEN [1] ELSE [] END | CREATE (l)-[:ADVISER_TO {sources: [], confidence: 1.0}]->(h2))`,
        { prefix: PREFIX, hub, hub2, start, end: Math.min(start + BATCH - 1, LEAVES) },
      );
    }
    // A chain between leaves, so each leaf has a few relations of its own besides the hub.
    await db.write(
      'fairnessChain',
      `UNWIND range(1, $n - 1) AS i
       MATCH (a:Entity {id: $prefix + 'leaf-' + i}), (b:Entity {id: $prefix + 'leaf-' + (i + 1)})
       CREATE (a)-[:ADVISER_TO {sources: [], confidence: 0.5}]->(b)`,
      { prefix: PREFIX, n: LEAVES },
    );
    const [{ rels }] = await db.read<{ rels: number }>('fairnessHubDegree', 'MATCH (h:Entity {id: $hub}) RETURN COUNT { (h)--() } AS rels', { hub });
    process.stdout.write(
      `graph: hub with ${rels} relationships, ${LEAVES + 2} entities, built in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`,
    );

    const neo4j = database.local ?? (config.neo4j.kind === 'remote' ? config.neo4j : undefined);
    if (!neo4j) throw new Error('no Neo4j credentials');
    const started = await startApi({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
      API_KEYS: `victim:reader:${hashApiKey(KEYS.victim)},attacker:reader:${hashApiKey(KEYS.attacker)}`,
      // Both clients are readers with a budget large enough that admission control, not the rate limit, is measured.
      RATE_LIMIT_READER: '1000000000',
    });
    api = started.child;
    const url = started.url;
    const pid = api.pid!;

    // Warm the plan cache and check that every attack is accepted.
    for (const attack of ATTACKS) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.attacker}` },
        body: JSON.stringify({ query: attack.query, variables: attack.variables }),
      });
      const text = await res.text();
      const code = /"code":"(\w+)"/.exec(text)?.[1];
      process.stdout.write(`attack "${attack.name}": HTTP ${res.status}${code ? ` ${code}` : ''}, ${(text.length / 1e6).toFixed(2)} MB\n`);
    }

    const samples: Sample[] = [];
    const victim = new Worker(VICTIM_WORKER, { eval: true, workerData: { url, key: KEYS.victim, id: leaf(1), query: VICTIM_QUERY } });
    const victimDone = new Promise<void>((resolve) => victim.on('message', (m) => (m === 'done' ? resolve() : samples.push(m as Sample))));
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    }, 250);

    const rows: string[][] = [];
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const victimStats = (from: number, to: number) => {
      const phase = samples.filter((s) => s.at >= from && s.at < to);
      const ok = phase.filter((s) => s.code === 'OK').map((s) => s.ms);
      const errors = phase.filter((s) => s.code !== 'OK').map((s) => s.code);
      return {
        n: phase.length,
        p50: percentile(
          phase.map((s) => s.ms),
          50,
        ),
        p99: percentile(
          phase.map((s) => s.ms),
          99,
        ),
        ok: ok.length,
        errors,
      };
    };
    let internalErrors = 0;
    let requestNo = 0;

    const quiet = async (label: string) => {
      const from = Date.now();
      await sleep(PHASE_MS);
      const v = victimStats(from, Date.now());
      internalErrors += v.errors.filter((c) => c === 'INTERNAL_SERVER_ERROR').length;
      rows.push([label, String(v.n), v.p50.toFixed(0), v.p99.toFixed(0), v.errors.length ? v.errors.join(',') : '-', '-', '-', '-']);
    };

    const attack = async (concurrency: number) => {
      const from = Date.now();
      const until = from + PHASE_MS;
      const counts = { accepted: 0, refused429: 0, costly: 0, timeout: 0, other: 0 };
      const controller = new AbortController();
      const client = async (worker: number) => {
        for (let k = worker; Date.now() < until; k += concurrency) {
          const a = ATTACKS[k % ATTACKS.length];
          requestNo += 1;
          try {
            const res = await fetch(url, {
              method: 'POST',
              signal: controller.signal,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.attacker}`, 'x-request-id': `atk-${requestNo}` },
              body: JSON.stringify({ query: a.query, variables: a.variables }),
            });
            const text = await res.text();
            const code = /"code":"(\w+)"/.exec(text)?.[1];
            if (code === 'INTERNAL_SERVER_ERROR') internalErrors += 1;
            if (res.status === 429) counts.refused429 += 1;
            else if (code === 'QUERY_TOO_COSTLY') counts.costly += 1;
            else if (code === 'TIMEOUT') counts.timeout += 1;
            else if (res.status === 200 && !code) counts.accepted += 1;
            else counts.other += 1;
          } catch {
            if (!controller.signal.aborted) counts.other += 1;
          }
        }
      };
      await Promise.race([Promise.all(Array.from({ length: concurrency }, (_, w) => client(w))), sleep(PHASE_MS + 20_000)]);
      // Whatever is still in flight is abandoned the way a client that gives up would: by disconnecting.
      controller.abort();
      const v = victimStats(from, Date.now());
      internalErrors += v.errors.filter((c) => c === 'INTERNAL_SERVER_ERROR').length;
      await sleep(SETTLE_MS);
      const [{ left }] = await db.read<{ left: number }>(
        'fairnessLeftTransactions',
        "SHOW TRANSACTIONS YIELD metaData WHERE coalesce(metaData.requestId, '') STARTS WITH 'atk-' RETURN count(*) AS left",
      );
      rows.push([
        `attack x${concurrency}`,
        String(v.n),
        v.p50.toFixed(0),
        v.p99.toFixed(0),
        v.errors.length ? [...new Set(v.errors)].join(',') : '-',
        String(counts.accepted),
        `${counts.refused429} (429)${counts.timeout ? ` + ${counts.timeout} TIMEOUT` : ''}${counts.other ? ` + ${counts.other} other` : ''}`,
        String(left),
      ]);
    };

    await quiet('alone');
    for (const c of CONCURRENCY) {
      await attack(c);
      await quiet('alone');
    }
    victim.postMessage('stop');
    await victimDone;
    await victim.terminate();
    clearInterval(sampler);
    const mem = memoryOf(pid);
    peakRss = Math.max(peakRss, mem.hwm);

    const header = ['phase', 'victim n', 'p50 ms', 'p99 ms', 'victim errors', 'attacker accepted', 'attacker refused', 'tx left 5 s after'];
    const table = [header, ...rows];
    const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    process.stdout.write(`\n${table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join(' | ')).join('\n')}\n\n`);
    process.stdout.write(`API RSS peak: ${peakRss.toFixed(0)} MB (VmHWM)\n`);
    process.stdout.write(`INTERNAL_SERVER_ERROR responses: ${internalErrors}\n`);
    const worstP99 = Math.max(...rows.map((r) => Number(r[3])));
    const left = Math.max(...rows.map((r) => Number(r[7]) || 0));
    process.stdout.write(
      `targets: victim p99 <= 1000 ms ${worstP99 <= 1000 ? 'met' : 'MISSED'} (worst ${worstP99} ms); ` +
        `0 INTERNAL_SERVER_ERROR ${internalErrors === 0 ? 'met' : 'MISSED'}; RSS < 600 MB ${peakRss < 600 ? 'met' : 'MISSED'}; ` +
        `0 transactions left ${left === 0 ? 'met' : 'MISSED'}\n`,
    );
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api!.once('exit', resolve));
    }
    await close();
  }
}

runBenchmark(main);
