/**
 * Relation fields on a hub: `offices(first: 5)` on a person with two
 * offices and nothing else, and on a person with two offices who is also
 * the subject of 50,000 statements. Prints the median time of each and
 * their ratio; the relationships of other types should cost nothing.
 *
 *   npm run bench:hub
 */
import { createApp, createLogger } from '../src/server';
import { medianMs, openBenchDatabase, runBenchmark } from './benchDatabase';

const PREFIX = 'bench-hub-';
const OTHER_RELATIONSHIPS = 50_000;
const BATCH = 5_000;

const OFFICES = `
query Offices($id: ID!) {
  entity(id: $id) { ... on Person { offices(first: 5) { edges { node { id name } } } } }
}`;

async function main(): Promise<void> {
  const { config, database, close } = await openBenchDatabase(PREFIX);
  const { db } = database;
  try {
    await db.write(
      'benchCreateHubPersons',
      `UNWIND ['plain', 'hub'] AS kind
       CREATE (p:Entity:Person {id: $prefix + kind, name: 'Bench ' + kind + ' person', aliases: []})
       WITH p, kind UNWIND range(1, 2) AS i
       CREATE (p)-[:HOLDS_OFFICE {sources: [], confidence: 1.0}]->(:Entity:Office {id: $prefix + kind + '-office-' + i, name: 'Bench office ' + i, aliases: []})`,
      { prefix: PREFIX },
    );
    for (let start = 1; start <= OTHER_RELATIONSHIPS; start += BATCH) {
      await db.write(
        'benchCreateHubStatements',
        `MATCH (p:Entity {id: $prefix + 'hub'})
         UNWIND range($start, $end) AS i
         CREATE (:Entity:Statement {id: $prefix + 'statement-' + i, name: 'Bench statement ' + i, aliases: []})
           -[:ABOUT {sources: [], confidence: 1.0}]->(p)`,
        { prefix: PREFIX, start, end: start + BATCH - 1 },
      );
    }
    const app = await createApp({ config, db, logger: createLogger('silent') });
    const time = (id: string) =>
      medianMs(50, 5, async () => {
        const result = await app.execute(OFFICES, { id });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        const edges = (result.data as any).entity.offices.edges;
        if (edges.length !== 2) throw new Error(`${id}: expected 2 offices, got ${edges.length}`);
      });
    // A first round warms the JIT and the plan cache for both, so that neither pays for it.
    await time(`${PREFIX}plain`);
    await time(`${PREFIX}hub`);
    const plain = await time(`${PREFIX}plain`);
    const hub = await time(`${PREFIX}hub`);
    process.stdout.write(
      [
        `offices(first: 5), plain person:                          ${plain.toFixed(2)} ms`,
        `offices(first: 5), person with ${OTHER_RELATIONSHIPS} other relationships: ${hub.toFixed(2)} ms`,
        `ratio hub / plain: x${(hub / plain).toFixed(2)}`,
      ].join('\n') + '\n',
    );
    await app.stop();
  } finally {
    await close();
  }
}

runBenchmark(main);
