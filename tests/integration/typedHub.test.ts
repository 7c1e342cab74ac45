import type { ProfiledPlan } from 'neo4j-driver';
import type { RelatedKey } from '../../src/loaders/relatedLoader';
import { relatedStatement } from '../../src/loaders/relatedQuery';
import { RELATION_FIELDS } from '../../src/relations';
import { deleteEntitiesWithPrefix, totalDbHits } from '../harness/testData';
import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * A hub this file owns: a person holding two offices who is the subject of
 * 20,000 statements. Person.offices must read the two offices, not the
 * 20,000 relationships of another type.
 */
const P = 'typed-hub-';
const PERSON = `${P}person`;
const STATEMENTS = 20_000;
const BATCH = 5_000;

/** The key the Person.offices resolver gives the loader for `offices(first: 5)`. */
function officesKey(): RelatedKey {
  const { types, direction, label } = RELATION_FIELDS.Person.offices;
  return { id: PERSON, types, direction, label: label ?? null, via: null, first: 5, after: null };
}

describe('typed relation fields on a hub of 20,000 relationships of another type', () => {
  let t: TestApp;

  /** Runs the statement the loader builds for these keys with PROFILE, straight on the driver. */
  async function profile(kind: 'edges' | 'counts', keys: RelatedKey[]) {
    const statement = relatedStatement(kind, keys)!;
    const session = t.db.driver.session({ database: t.db.database });
    try {
      const result = await session.run(`PROFILE ${statement.text}`, statement.params);
      return { rows: result.records.length, dbHits: totalDbHits(result.summary.profile as ProfiledPlan) };
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.write(
      'createHubPerson',
      `CREATE (p:Entity:Person {id: $person, name: 'Hub person', aliases: []})
       WITH p UNWIND range(1, 2) AS i
       CREATE (p)-[:HOLDS_OFFICE {sources: [], confidence: 1.0}]->(:Entity:Office {id: $prefix + 'office-' + i, name: 'Hub office ' + i, aliases: []})`,
      { person: PERSON, prefix: P },
    );
    for (let start = 1; start <= STATEMENTS; start += BATCH) {
      await t.db.write(
        'createHubStatements',
        `MATCH (p:Entity {id: $person})
         UNWIND range($start, $end) AS i
         CREATE (:Entity:Statement {id: $prefix + 'statement-' + i, name: 'Statement ' + i, aliases: []})
           -[:ABOUT {sources: [], confidence: 1.0}]->(p)`,
        { person: PERSON, prefix: P, start, end: start + BATCH - 1 },
      );
    }
  });

  afterAll(async () => {
    await deleteEntitiesWithPrefix(t.db, P);
    await t.close();
  });

  it('answers offices(first: 5) with the two offices', async () => {
    const result = await t.app.execute(`{ entity(id: "${PERSON}") { ... on Person { offices(first: 5) { totalCount edges { node { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    const offices = (result.data as any).entity.offices;
    expect(offices.edges.map((e: any) => e.node.id)).toEqual([`${P}office-1`, `${P}office-2`]);
    expect(offices.totalCount).toBe(2);
  });

  it('reads the relationships of the requested type only: db hits far below the hub size', async () => {
    const edges = await profile('edges', [officesKey()]);
    expect(edges.rows).toBe(2);
    expect(edges.dbHits).toBeLessThan(2_000);
    const counts = await profile('counts', [officesKey()]);
    expect(counts.dbHits).toBeLessThan(2_000);
    // The measure does see the hub: an untyped key (relations() with no types) reads all of it.
    const untyped = await profile('counts', [{ ...officesKey(), types: null, direction: 'BOTH' }]);
    expect(untyped.dbHits).toBeGreaterThan(STATEMENTS);
  });
});
