/**
 * Keyset pagination: does a late page cost what the first page costs?
 * Creates 20,000 persons, walks `persons(first: 100)` to the end to collect
 * cursors, then times the first page, a middle page and the last page in
 * the same run. Prints medians and their ratios to the first page; with
 * keyset cursors the ratios stay near 1 (an offset-based list would grow
 * with the page number).
 *
 *   npm run bench:pagination            (a throwaway local Neo4j)
 *   NEO4J_URI=... NEO4J_PASSWORD=... npm run bench:pagination
 */
import { createApp, createLogger } from '../src/server';
import { medianMs, openBenchDatabase, runBenchmark } from './benchDatabase';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 20_000);
const PAGE = 100;
const PREFIX = 'bench-page-';

const PAGE_QUERY = `query Page($after: String) {
  persons(first: ${PAGE}, after: $after, where: { name: { startsWith: "Bench" } }) {
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function main(): Promise<void> {
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  try {
    const rows = Array.from({ length: PERSONS }, (_, i) => ({
      id: `${PREFIX}${String(i).padStart(6, '0')}`,
      name: `Bench Person ${String((i * 7919) % PERSONS).padStart(6, '0')}`,
    }));
    for (let i = 0; i < rows.length; i += 5_000) {
      await db.write(
        'benchCreatePersons',
        `UNWIND $rows AS row
         CREATE (:Entity:Person {id: row.id, name: row.name, nameKey: toLower(row.name), aliases: [], aliasesText: ''})`,
        { rows: rows.slice(i, i + 5_000) },
      );
    }

    const app = await createApp({ config, db, logger: createLogger('silent') });
    const page = async (after: string | null) => {
      const result = await app.execute(PAGE_QUERY, { after });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.persons as { pageInfo: { hasNextPage: boolean; endCursor: string } };
    };

    const cursors: Array<string | null> = [null];
    for (let p = await page(null); p.pageInfo.hasNextPage; p = await page(p.pageInfo.endCursor)) {
      cursors.push(p.pageInfo.endCursor);
    }
    const pages = cursors.length;
    const middle = cursors[Math.floor(pages / 2)];
    const last = cursors[pages - 1];

    const first = await medianMs(30, 5, () => page(null));
    const mid = await medianMs(30, 5, () => page(middle));
    const end = await medianMs(30, 5, () => page(last));
    process.stdout.write(
      [
        `persons: ${PERSONS}, page size: ${PAGE}, pages: ${pages}`,
        `page 1:            ${first.toFixed(2)} ms (median of 30)`,
        `page ${Math.floor(pages / 2) + 1}:`.padEnd(19) + `${mid.toFixed(2)} ms  (x${(mid / first).toFixed(2)} of page 1)`,
        `page ${pages}:`.padEnd(19) + `${end.toFixed(2)} ms  (x${(end / first).toFixed(2)} of page 1)`,
        '',
      ].join('\n'),
    );
    await app.stop();
  } finally {
    await close();
  }
}

runBenchmark(main);
