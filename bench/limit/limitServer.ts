import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../src/db/toPlain';
import type { Workload } from './workloads';

/**
 * The limit: a bare node:http handler that answers each workload (POST
 * /<index>) with ONE hand-written statement and the JSON the API would
 * send, and nothing else (no parsing, validation or resolvers). The
 * statement runs, by default, as the API runs its reads: one auto-commit
 * transaction in READ mode (RUN and PULL in one flush), the cheapest way
 * the driver has. `managed` runs it in executeRead, whose BEGIN and
 * COMMIT cost the limit more than the API's own reads cost it.
 * Returns its base URL and a close function.
 */
export async function startLimitServer(
  driver: Driver,
  database: string,
  list: Workload[],
  transactions: 'auto' | 'managed' = 'auto',
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      const workload = list[Number(req.url!.slice(1))];
      const session = driver.session({ database, defaultAccessMode: 'READ' });
      try {
        const result =
          transactions === 'auto'
            ? await session.run(workload.cypher, workload.params)
            : await session.executeRead((tx) => tx.run(workload.cypher, workload.params));
        const rows = result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
        const body = JSON.stringify({ data: workload.data(rows) });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } catch (error) {
        res.writeHead(500).end(String(error));
      } finally {
        await session.close();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
