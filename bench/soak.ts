/**
 * A long, steady loopback load on the built service with its own local
 * Neo4j: prints the requests by outcome, p50/p99 latency per minute and
 * overall, and the resident memory (RSS) of the API and of Neo4j at the
 * start and the end, so leaks and slow drifts show.
 *
 *   npm run soak -- --minutes 5
 */
import fs from 'node:fs';
import { countOutcomes, percentileMs, runLoad } from '../tests/harness/loadGenerator';
import { buildService, startServiceProcess } from '../tests/harness/serviceProcess';

const CONCURRENCY = 4;
const REQUEST = {
  query: '{ entity(id: "steve-witkoff") { name } }',
  isCorrect: (data: Record<string, any> | null | undefined) => data?.entity?.name === 'Steve Witkoff',
};

function minutesArgument(): number {
  const index = process.argv.indexOf('--minutes');
  const value = index === -1 ? '2' : process.argv[index + 1];
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 240) {
    throw new Error(`--minutes must be a number of minutes from 0 to 240, got ${JSON.stringify(value)}`);
  }
  return minutes;
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number | undefined): string {
  if (!pid) return '?';
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? `${(Number(match[1]) / 1024).toFixed(0)} MB` : '?';
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const minutes = minutesArgument();
  console.log(`building and starting the service with its own Neo4j; then ${minutes} min of load at concurrency ${CONCURRENCY} ...`);
  buildService();
  const svc = await startServiceProcess();
  try {
    const startRss = { api: rssMb(svc.child.pid), neo4j: rssMb(svc.neo4jPid()) };
    const samples = await runLoad({
      url: svc.url,
      request: REQUEST,
      concurrency: CONCURRENCY,
      until: new Promise((resolve) => setTimeout(resolve, minutes * 60_000)),
      maxMs: minutes * 60_000,
      requestTimeoutMs: 30_000,
    });
    const endRss = { api: rssMb(svc.child.pid), neo4j: rssMb(svc.neo4jPid()) };
    const first = samples[0]?.start ?? 0;
    const rows = [];
    for (let m = 0; m < Math.ceil(minutes); m += 1) {
      const inMinute = samples.filter((s) => s.start - first >= m * 60_000 && s.start - first < (m + 1) * 60_000);
      rows.push({
        minute: m + 1,
        requests: inMinute.length,
        errors: inMinute.filter((s) => s.outcome !== 'ok').length,
        p50ms: percentileMs(inMinute, 50),
        p99ms: percentileMs(inMinute, 99),
      });
    }
    console.table(rows);
    const errors = samples.filter((s) => s.outcome !== 'ok').length;
    console.log(`requests: ${samples.length}, errors: ${errors}, p50 ${percentileMs(samples, 50)} ms, p99 ${percentileMs(samples, 99)} ms`);
    console.log(`outcomes: ${JSON.stringify(countOutcomes(samples))}`);
    console.table({ start: startRss, end: endRss });
    const exit = await svc.signalGroup('SIGTERM');
    console.log(`SIGTERM: exit ${exit}`);
  } finally {
    svc.cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
