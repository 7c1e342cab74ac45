/**
 * Nesting under load: a three-level query (proposal → proposer → offices →
 * country) over 10, 50 and 100 proposals. Prints round-trips and the median
 * time per size; the whole selection is one statement, so round-trips stay
 * at 1 whatever the size, and time grows with the rows returned, not with a
 * query per item. Each level says how many it wants: with the default page
 * of 20 at every level, 100 proposals could produce 800,000 rows, which the
 * cost estimate refuses (QUERY_MAX_ROWS).
 *
 *   npm run bench:nesting
 */
import { createApp, createLogger } from '../src/server';
import { medianMs, openBenchDatabase, runBenchmark } from './benchDatabase';

const PREFIX = 'bench-nest-';
const PROPOSALS = 100;
const OFFICES_PER_PERSON = 3;

const THREE_LEVELS = `
query ThreeLevels($first: NonNegativeInt) {
  proposals(first: $first, where: { name: { startsWith: "bench nest proposal" } }) {
    edges { node { id
      proposer(first: 1) { edges { evidence { source { id } quote } node { id
        ... on Person { offices(first: ${OFFICES_PER_PERSON}) { edges { node { id country(first: 1) { edges { node { id name } } } } } } }
      } } }
    } }
  }
}`;

async function main(): Promise<void> {
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  try {
    await db.write(
      'benchCreateNesting',
      `CREATE (s:Entity:Source {id: $prefix + 'source', name: 'Bench source', aliases: []})
       WITH s
       UNWIND range(1, $proposals) AS n
       WITH s, toString(n) AS i
       CREATE (c:Entity:Country {id: $prefix + 'country-' + i, name: 'Bench country ' + i, aliases: []})
       CREATE (p:Entity:Person {id: $prefix + 'person-' + i, name: 'Bench person ' + i, aliases: []})
       CREATE (q:Entity:Proposal {id: $prefix + 'proposal-' + i, name: 'Bench nest proposal ' + i, nameKey: 'bench nest proposal ' + i, aliases: []})
       CREATE (p)-[:PROPOSED {sources: [s.id], quote: 'proposal ' + i, confidence: 1.0}]->(q)
       WITH s, c, p, i
       UNWIND range(1, $officesPerPerson) AS k
       CREATE (o:Entity:Office {id: $prefix + 'office-' + i + '-' + k, name: 'Bench office ' + i + '-' + k, aliases: []})
       CREATE (p)-[:HOLDS_OFFICE {sources: [s.id], confidence: 1.0}]->(o)
       CREATE (o)-[:OFFICE_OF {sources: [s.id], confidence: 1.0}]->(c)`,
      { prefix: PREFIX, proposals: PROPOSALS, officesPerPerson: OFFICES_PER_PERSON },
    );
    const app = await createApp({ config, db, logger: createLogger('silent') });
    const lines: string[] = [];
    let base: number | undefined;
    for (const first of [10, 50, 100]) {
      let roundTrips = 0;
      const ms = await medianMs(20, 3, async () => {
        const result = await app.execute(THREE_LEVELS, { first });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        roundTrips = result.roundTrips;
      });
      base ??= ms;
      lines.push(`${String(first).padStart(3)} proposals: ${roundTrips} round-trips, ${ms.toFixed(2)} ms (x${(ms / base).toFixed(2)} of 10)`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    await app.stop();
  } finally {
    await close();
  }
}

runBenchmark(main);
