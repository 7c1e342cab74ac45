/**
 * The load of bench:limit, in a worker thread so that the client's own
 * work does not run on the servers' event loop: `connections` loops over
 * keep-alive sockets, each sending the same POST again as soon as the
 * answer is in, for `durationMs`. Posts back the latency of every answer.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

interface LoadJob {
  url: string;
  body: string;
  connections: number;
  durationMs: number;
}

const job = workerData as LoadJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const target = new URL(job.url);

function post(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
    request.end(job.body);
  });
}

async function run(): Promise<void> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + job.durationMs;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) latencies.push(await post());
    }),
  );
  agent.destroy();
  parentPort!.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
}

run().catch((error: unknown) => parentPort!.postMessage({ error: String(error) }));
