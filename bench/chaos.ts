/**
 * Faults under load, with figures: the built service with its own local
 * Neo4j (fresh data folder, free ports), a bounded loopback load, then
 * kill -9 of Neo4j (the supervisor restarts it), then SIGSTOP of Neo4j for
 * 15 s and SIGCONT. Prints, per fault, the requests by outcome and HTTP
 * status, the slowest answer, /readyz and /healthz during the fault, and
 * the time until answers are correct again; the graph checksum before and
 * after; and how the service ends on SIGINT to its process group.
 *
 *   npm run chaos
 */
import { graphFingerprint } from '../tests/integration/seedGraphChecksum';
import { countOutcomes, percentileMs, runLoad, type LoadSample } from '../tests/harness/loadGenerator';
import { buildService, processesMentioning, startServiceProcess, type ServiceProcess } from '../tests/harness/serviceProcess';

const CONCURRENCY = 4;
const FREEZE_MS = 15_000;
const REQUEST = {
  query: '{ entity(id: "steve-witkoff") { name } }',
  isCorrect: (data: Record<string, any> | null | undefined) => data?.entity?.name === 'Steve Witkoff',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(url: string): Promise<string> {
  const started = Date.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return `${response.status} in ${Date.now() - started} ms`;
  } catch (error) {
    return `${(error as Error).name} after ${Date.now() - started} ms`;
  }
}

/** Runs the load around one fault; resolves with the samples and when answers were correct again. */
async function underLoad(svc: ServiceProcess, fault: () => Promise<number>, label: string): Promise<void> {
  let faultAt = Infinity;
  let recoveredAt: number | undefined;
  let recovered: () => void = () => {};
  const recovery = new Promise<void>((resolve) => (recovered = resolve));
  const load = runLoad({
    url: svc.url,
    request: REQUEST,
    concurrency: CONCURRENCY,
    until: recovery.then(() => sleep(3_000)),
    maxMs: 180_000,
    requestTimeoutMs: 60_000,
    onSample: (s) => {
      if (s.start > faultAt && s.outcome === 'ok' && recoveredAt === undefined) {
        recoveredAt = s.end;
        recovered();
      }
    },
  });
  await sleep(3_000);
  faultAt = await fault();
  const samples = await load;
  report(label, samples, faultAt, recoveredAt);
}

function report(label: string, samples: LoadSample[], faultAt: number, recoveredAt: number | undefined): void {
  const during = samples.filter((s) => s.start >= faultAt && (recoveredAt === undefined || s.start < recoveredAt));
  const slowest = samples.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  const slowestDuring = during.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  console.log(`\n== ${label}`);
  console.log(`requests: ${samples.length} (p50 ${percentileMs(samples, 50)} ms, p99 ${percentileMs(samples, 99)} ms, slowest ${slowest} ms)`);
  console.table(countOutcomes(samples));
  console.log(`during the fault: ${during.length} requests, slowest answer ${slowestDuring} ms, outcomes ${JSON.stringify(countOutcomes(during))}`);
  console.log(`correct answers again ${recoveredAt === undefined ? 'NEVER (within the run)' : `${recoveredAt - faultAt} ms`} after the fault`);
}

async function main(): Promise<void> {
  console.log('building and starting the service with its own Neo4j ...');
  buildService();
  const svc = await startServiceProcess();
  try {
    const db = await svc.openDb();
    const before = await graphFingerprint(db);
    await db.close();

    await underLoad(
      svc,
      async () => {
        const pid = svc.neo4jPid()!;
        process.kill(pid, 'SIGKILL');
        console.log(`\nkill -9 Neo4j (pid ${pid})`);
        await sleep(500);
        console.log(`/readyz: ${await timed(`${svc.base}/readyz`)}, /healthz: ${await timed(`${svc.base}/healthz`)}`);
        return Date.now() - 500;
      },
      'kill -9 Neo4j under load (the supervisor restarts it)',
    );

    await underLoad(
      svc,
      async () => {
        const pid = svc.neo4jPid()!;
        process.kill(pid, 'SIGSTOP');
        const at = Date.now();
        console.log(`\nSIGSTOP Neo4j (pid ${pid}) for ${FREEZE_MS} ms`);
        await sleep(1_000);
        console.log(`/readyz: ${await timed(`${svc.base}/readyz`)}, /healthz: ${await timed(`${svc.base}/healthz`)}`);
        await sleep(FREEZE_MS - (Date.now() - at));
        process.kill(pid, 'SIGCONT');
        console.log('SIGCONT Neo4j');
        return at;
      },
      `SIGSTOP Neo4j for ${FREEZE_MS / 1000} s under load, then SIGCONT`,
    );

    const db2 = await svc.openDb();
    const after = await graphFingerprint(db2);
    await db2.close();
    console.log(`\ngraph before: ${before.nodes} nodes, ${before.relationships} relationships, ${before.checksum.slice(0, 16)}`);
    console.log(`graph after:  ${after.nodes} nodes, ${after.relationships} relationships, ${after.checksum.slice(0, 16)}`);
    console.log(before.checksum === after.checksum ? 'checksum unchanged' : 'CHECKSUM CHANGED');

    const exit = await svc.signalGroup('SIGINT');
    await sleep(1_500);
    console.log(`\nSIGINT to the service's process group: exit ${exit}, processes left: ${processesMentioning(svc.dataDir).length}`);
    const restarts = svc
      .output()
      .split('\n')
      .filter((line) => /exited unexpectedly|running again/.test(line));
    console.log(`supervisor log:\n${restarts.map((l) => `  ${l.slice(0, 240)}`).join('\n')}`);
  } finally {
    svc.cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
