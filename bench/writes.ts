/**
 * Write throughput: asserted relations per second through the write API
 * (assertRelation over HTTP as an editor: validation, name resolution,
 * quote check, locks, version, audit entry, one transaction each) beside a
 * raw-driver UNWIND load of the same facts with the same evidence, in the
 * same run, alternating rounds. The raw load is the floor of what the
 * database itself costs; the ratio is what one audited, checked,
 * idempotent write per fact costs on top; the same MERGE sent one fact per
 * transaction shows how much of that is the transaction per request itself.
 *
 *   npm run bench:writes            (FACTS=200 ROUNDS=3 CONCURRENCY=4 by default)
 */
import { hashApiKey } from '../src/auth';
import { createApp, createLogger } from '../src/server';
import { openBenchDatabase, runBenchmark } from './benchDatabase';

const PREFIX = 'bench-writes-';
const FACTS = Number(process.env.FACTS ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const EDITOR_KEY = 'bench-writes-editor-key-1f4e0a9c';
const QUOTE = 'We proposed a meeting in Geneva.';
const SOURCE_TEXT = `The envoy said: "${QUOTE}" The ministry declined to comment.`;

interface Fact {
  from: string;
  to: string;
}

const ASSERT = `mutation Assert($input: AssertRelationInput!) { assertRelation(input: $input) { relationId version } }`;

/** The same write as one assertRelation, for every fact in one statement. */
const RAW_LOAD = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:PROPOSED]->(b)
SET r.sources = [$source], r.quote = $quote, r.confidence = 0.9, r.date = date('2025-08-01'), r.datePrecision = 'month',
    r.version = coalesce(r.version, 0) + 1`;

const CLEAR = `
MATCH (:Entity:Person)-[r:PROPOSED]->(:Entity:Proposal) WHERE startNode(r).id STARTS WITH $prefix DELETE r
WITH count(*) AS ignored
MATCH (a:AuditEntry) WHERE a.requestId STARTS WITH $prefix DETACH DELETE a`;

async function main(): Promise<void> {
  process.env.API_KEYS = `bench-editor:editor:${hashApiKey(EDITOR_KEY)}`;
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  try {
    const people = Math.ceil(Math.sqrt(FACTS));
    await db.write(
      'benchWritesEntities',
      `
      CREATE (:Entity:Source {id: $prefix + 'source', name: 'Bench writes source', nameKey: 'bench writes source', version: 1})
      MERGE (t:SourceText {sourceId: $prefix + 'source'}) SET t.text = $text
      WITH 1 AS one
      UNWIND range(1, $people) AS i
      CREATE (:Entity:Person {id: $prefix + 'person-' + i, name: 'Bench Person ' + i, nameKey: 'bench person ' + i, aliases: [], aliasKeys: [], version: 1})
      CREATE (:Entity:Proposal {id: $prefix + 'proposal-' + i, name: 'Bench proposal ' + i, nameKey: 'bench proposal ' + i, status: 'made', aliases: [], aliasKeys: [], version: 1})`,
      { prefix: PREFIX, text: SOURCE_TEXT, people },
    );
    const facts: Fact[] = Array.from({ length: FACTS }, (_, k) => ({
      from: `${PREFIX}person-${(k % people) + 1}`,
      to: `${PREFIX}proposal-${Math.floor(k / people) + 1}`,
    }));

    const app = await createApp({
      config: { ...config, auth: { apiKeys: [{ name: 'bench-editor', role: 'editor', sha256: hashApiKey(EDITOR_KEY) }] } },
      db,
      logger: createLogger('silent'),
    });
    const url = await app.listen();
    const clear = () => db.write('benchWritesClear', CLEAR, { prefix: PREFIX });

    let round = 0;
    const viaApi = async (): Promise<number> => {
      round += 1;
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < facts.length) {
          const k = next++;
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
            body: JSON.stringify({
              query: ASSERT,
              variables: {
                input: {
                  requestId: `${PREFIX}r${round}-${k}`,
                  type: 'PROPOSED',
                  ...facts[k],
                  source: `${PREFIX}source`,
                  quote: QUOTE,
                  confidence: 0.9,
                  date: '2025-08',
                },
              },
            }),
          });
          const body = (await response.json()) as { errors?: unknown };
          if (body.errors) throw new Error(JSON.stringify(body.errors));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const rate = facts.length / ((performance.now() - started) / 1000);
      await expectWritten(true);
      return rate;
    };
    const raw = async (): Promise<number> => {
      const started = performance.now();
      await db.write('benchWritesRaw', RAW_LOAD, { rows: facts, source: `${PREFIX}source`, quote: QUOTE });
      const rate = facts.length / ((performance.now() - started) / 1000);
      await expectWritten(false);
      return rate;
    };
    // The same statement, one fact per transaction from the same number of clients: the floor of "one write per request".
    const rawPerFact = async (): Promise<number> => {
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < facts.length) {
          const k = next++;
          await db.write('benchWritesRawOne', RAW_LOAD, { rows: [facts[k]], source: `${PREFIX}source`, quote: QUOTE });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const rate = facts.length / ((performance.now() - started) / 1000);
      await expectWritten(false);
      return rate;
    };
    /** Both methods must have written every fact (and the API one audit entry per fact), or the figures mean nothing. */
    const expectWritten = async (audited: boolean) => {
      const [row] = await db.read<{ n: number; entries: number }>(
        'benchWritesCheck',
        `
        MATCH (p:Person)-[r:PROPOSED]->() WHERE p.id STARTS WITH $prefix WITH count(r) AS n
        RETURN n, COUNT { MATCH (a:AuditEntry) WHERE a.requestId STARTS WITH $prefix } AS entries`,
        { prefix: PREFIX },
      );
      if (row.n !== facts.length || row.entries !== (audited ? facts.length : 0)) {
        throw new Error(`expected ${facts.length} relations and ${audited ? facts.length : 0} audit entries, found ${row.n} and ${row.entries}`);
      }
    };

    // A first, untimed round of each warms the JIT, the plan cache and the connection pool.
    await clear();
    await viaApi();
    await clear();
    await raw();
    await clear();
    await rawPerFact();
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    const perFactRates: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      await clear();
      apiRates.push(await viaApi());
      await clear();
      rawRates.push(await raw());
      await clear();
      perFactRates.push(await rawPerFact());
    }
    await clear();
    await db.write('benchWritesSourceText', 'MATCH (t:SourceText) WHERE t.sourceId STARTS WITH $prefix DELETE t', { prefix: PREFIX });
    await app.stop();

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const api = median(apiRates);
    const unwind = median(rawRates);
    const perFact = median(perFactRates);
    process.stdout.write(
      [
        `${FACTS} PROPOSED facts with evidence (source, verbatim quote, confidence, date); ${ROUNDS} alternating rounds, medians`,
        `method                                            relations/s`,
        `assertRelation over HTTP, ${CONCURRENCY} clients, 1 tx + audit each  ${api.toFixed(1).padStart(10)}`,
        `raw driver, one UNWIND ... MERGE statement         ${unwind.toFixed(1).padStart(10)}`,
        `raw driver, same MERGE, 1 tx per fact, ${CONCURRENCY} clients   ${perFact.toFixed(1).padStart(10)}`,
        `ratio API / raw UNWIND: x${(api / unwind).toFixed(3)}; API / raw tx per fact: x${(api / perFact).toFixed(3)}`,
        `(every round checked: ${FACTS} relations written; ${FACTS} audit entries after each API round)`,
        `rounds: API ${apiRates.map((r) => r.toFixed(0)).join(', ')}; UNWIND ${rawRates.map((r) => r.toFixed(0)).join(', ')}; per fact ${perFactRates.map((r) => r.toFixed(0)).join(', ')}`,
      ].join('\n') + '\n',
    );
  } finally {
    await close();
  }
}

runBenchmark(main);
