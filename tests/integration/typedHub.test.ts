import type { ProfiledPlan } from 'neo4j-driver';
import { compiledStatements } from '../harness/compiledStatements';
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

/** Person.offices with its total, and the untyped relations() with its total, of the hub. */
const OFFICES = `{ entity(id: "${PERSON}") { ... on Person { offices(first: 5) { totalCount edges { node { id } } } } } }`;
const UNTYPED = `{ entity(id: "${PERSON}") { relations(first: 5) { edges { node { id } } } } }`;

describe('typed relation fields on a hub of 20,000 relationships of another type', () => {
  let t: TestApp;

  /** Runs the one statement compiled for a query with PROFILE, straight on the driver. */
  async function profile(query: string) {
    const [statement] = await compiledStatements(query);
    const session = t.db.driver.session({ database: t.db.database });
    try {
      const result = await session.run(`PROFILE ${statement.text}`, statement.params);
      return { entity: result.records[0]?.get('entity'), dbHits: totalDbHits(result.summary.profile as ProfiledPlan) };
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
    const result = await t.app.execute(OFFICES);
    expect(result.errors).toBeUndefined();
    const offices = (result.data as any).entity.offices;
    expect(offices.edges.map((e: any) => e.node.id)).toEqual([`${P}office-1`, `${P}office-2`]);
    expect(offices.totalCount).toBe(2);
  });

  it('pages offices one at a time, with pageInfo telling first from later pages', async () => {
    const page = async (after: string | null) => {
      const result = await t.app.execute(
        `query($after: String) { entity(id: "${PERSON}") { ... on Person { offices(first: 1, after: $after) {
          edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      return (result.data as any).entity.offices;
    };
    const one = await page(null);
    expect(one.edges.map((e: any) => e.node.id)).toEqual([`${P}office-1`]);
    expect(one.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: one.edges[0].cursor, endCursor: one.edges[0].cursor });
    const two = await page(one.pageInfo.endCursor);
    expect(two.edges.map((e: any) => e.node.id)).toEqual([`${P}office-2`]);
    expect(two.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: two.edges[0].cursor, endCursor: two.edges[0].cursor });
  });

  it('reads the relationships of the requested type only: db hits far below the hub size', async () => {
    const offices = await profile(OFFICES);
    // The entity as the statement returns it (src/compile/Layout.ts): [label, [branch, [page, total]]] for the Person branch of
    // `offices`, each edge of the page its office's name alone (a record of one key is sent as its value).
    const [label, [branch, [page, total]]] = offices.entity;
    expect([label, branch.toNumber(), page, total.toNumber()]).toEqual(['Person', 0, [`${P}office-1`, `${P}office-2`], 2]);
    expect(offices.dbHits).toBeLessThan(200);
    // The measure does see the hub: an untyped relations() reads all of it.
    const untyped = await profile(UNTYPED);
    expect(untyped.dbHits).toBeGreaterThan(STATEMENTS);
  });
});
