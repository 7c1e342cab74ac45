import { startTestApp, type TestApp } from '../harness/testApp';

const PREFIX = 'typed-batch-';
const PROPOSALS = 50;
const OFFICES_PER_PERSON = 3;

/** A proposal list, each proposal's proposer, the proposer's offices, each office's country: three relation levels. */
const THREE_LEVELS = `
query ThreeLevels($first: NonNegativeInt) {
  proposals(first: $first, where: { name: { startsWith: "typed batch proposal" } }) {
    edges { node { id
      proposer { edges { evidence { source { id } quote } node { id
        ... on Person { offices { edges { evidence { source { name } } node { id
          country { edges { evidence { confidence } node { id name } } }
        } } } }
      } } }
    } }
  }
}`;

describe('compiled statements: one round-trip per root field, at any nesting depth and any number of items', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const ids = Array.from({ length: PROPOSALS }, (_, i) => String(i).padStart(2, '0'));
    await t.db.write(
      'createBatchData',
      `CREATE (s:Entity:Source {id: $prefix + 'source', name: 'Batch source', aliases: []})
       WITH s
       UNWIND $ids AS i
       CREATE (c:Entity:Country {id: $prefix + 'country-' + i, name: 'Batch country ' + i, aliases: []})
       CREATE (p:Entity:Person {id: $prefix + 'person-' + i, name: 'Batch person ' + i, aliases: []})
       CREATE (q:Entity:Proposal {id: $prefix + 'proposal-' + i, name: 'Typed batch proposal ' + i, aliases: []})
       CREATE (p)-[:PROPOSED {sources: [s.id], quote: 'proposal ' + i, confidence: 1.0}]->(q)
       WITH s, c, p, i
       UNWIND range(1, $officesPerPerson) AS k
       CREATE (o:Entity:Office {id: $prefix + 'office-' + i + '-' + k, name: 'Batch office ' + i + '-' + k, aliases: []})
       CREATE (p)-[:HOLDS_OFFICE {sources: [s.id], confidence: 1.0}]->(o)
       CREATE (o)-[:OFFICE_OF {sources: [s.id], confidence: 0.5}]->(c)`,
      { prefix: PREFIX, ids, officesPerPerson: OFFICES_PER_PERSON },
    );
  });
  afterAll(async () => {
    await t.db.write('deleteBatchData', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  async function run(first: number) {
    const result = await t.app.execute(THREE_LEVELS, { first });
    expect(result.errors).toBeUndefined();
    return { data: result.data as any, roundTrips: result.roundTrips };
  }

  it('answers a three-level query over 50 proposals in one round-trip: the list and every level in one statement', async () => {
    const { data, roundTrips } = await run(PROPOSALS);
    const proposals = data.proposals.edges;
    expect(proposals).toHaveLength(PROPOSALS);
    for (const { node } of proposals) {
      const i = node.id.slice(`${PREFIX}proposal-`.length);
      const [proposer] = node.proposer.edges;
      expect(node.proposer.edges).toHaveLength(1);
      expect(proposer.node.id).toBe(`${PREFIX}person-${i}`);
      expect(proposer.evidence).toEqual([{ source: { id: `${PREFIX}source` }, quote: `proposal ${i}` }]);
      expect(proposer.node.offices.edges).toHaveLength(OFFICES_PER_PERSON);
      for (const office of proposer.node.offices.edges) {
        expect(office.evidence).toEqual([{ source: { name: 'Batch source' } }]);
        expect(office.node.country.edges).toEqual([
          { evidence: [{ confidence: 0.5 }], node: { id: `${PREFIX}country-${i}`, name: `Batch country ${i}` } },
        ]);
      }
    }
    // Nesting depth 3 (proposer, offices, country) under the root list, evidence sources included: one statement.
    expect(roundTrips).toBe(1);
  });

  it('costs the same for 5 proposals as for 50', async () => {
    const small = await run(5);
    expect(small.data.proposals.edges).toHaveLength(5);
    expect(small.roundTrips).toBe(1);
  });
  it('lets a three-level query with evidence through the depth and cost limits, and refuses a runaway one', async () => {
    // The estimate counts `first` given literally or as a variable; the literal form is checked here.
    const literal = THREE_LEVELS.replace('query ThreeLevels($first: NonNegativeInt)', 'query ThreeLevels').replace('first: $first', 'first: 50');
    const ok = await t.post(literal);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.proposals.edges).toHaveLength(PROPOSALS);

    const runaway = `{ persons(first: 100) { edges { node { relations(first: 100) { edges { node {
      relations(first: 100) { edges { node { relations(first: 100) { edges { node { id } } } } } } } } } } } } }`;
    const refused = await t.post(runaway);
    expect(refused.body.data).toBeUndefined();
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'QUERY_MAX_ROWS' });
    expect(refused.body.errors?.[0].message).toMatch(/could produce up to 1,000,000 rows/);
  });
});
