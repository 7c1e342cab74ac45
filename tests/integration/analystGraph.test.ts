import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, KEYS } from './analystTestKeys';

const GRAPH = `query Graph($query: String!, $limit: Int) {
  cypher(query: $query, limit: $limit) {
    rows truncated
    graph {
      nodes { id type name }
      relationships { id type from to role properties evidence { quote confidence source { id name } } }
    }
  }
}`;

const INTERNAL = ['nameKey', 'aliasKeys', 'aliasesText'];

/** Analyst results as a graph, on the seeded article: entity ids, evidence, and no internal property anywhere. */
describe('analyst results as a graph', () => {
  let t: TestApp;
  const run = async (query: string) => {
    const { body } = await t.post(GRAPH, { query }, bearer(KEYS.analyst));
    expect(body.errors).toBeUndefined();
    return body.data!.cypher;
  };
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives nodes as entity id, type and name, and relationships with type and evidence', async () => {
    const result = await run("MATCH (p:Person {id: 'steve-witkoff'})-[r:PROPOSED]->(x) RETURN p, r, x");
    expect(result.graph.nodes).toEqual(
      expect.arrayContaining([{ id: 'steve-witkoff', type: 'PERSON', name: 'Steve Witkoff' }, expect.objectContaining({ type: 'PROPOSAL' })]),
    );
    const [proposed] = result.graph.relationships;
    expect(proposed).toMatchObject({ type: 'PROPOSED', from: 'steve-witkoff' });
    expect(proposed.id).toBe(`steve-witkoff-PROPOSED-${proposed.to}`);
    expect(proposed.evidence[0].quote).toContain('This option was simply mentioned');
    expect(proposed.evidence[0].source.name).toMatch(/Trump and Putin/);
    expect(proposed.properties).not.toHaveProperty('sources');
    // Rows name nodes by entity id too.
    expect(result.rows[0].p).toMatchObject({ id: 'steve-witkoff', labels: expect.arrayContaining(['Person']) });
  });

  it('finds the ends of relationships returned without their nodes', async () => {
    const result = await run("MATCH (:Person {id: 'steve-witkoff'})-[r:ENVOY_OF]->() RETURN r");
    expect(result.graph.relationships.map((r: any) => r.id)).toEqual(['steve-witkoff-ENVOY_OF-donald-trump']);
    expect(result.graph.nodes.map((n: any) => n.id).sort()).toEqual(['donald-trump', 'steve-witkoff']);
  });

  it('never shows internal properties: not on nodes, paths, property maps or projections', async () => {
    const result = await run(`MATCH path = (p:Person {id: 'steve-witkoff'})-[r]-(x)
      RETURN p, path, properties(p) AS props, p {.*} AS projection, collect(x)[0..3] AS others LIMIT 5`);
    const text = JSON.stringify(result);
    for (const name of INTERNAL) expect(text).not.toContain(`"${name}"`);
    expect(result.rows[0].props.name).toBe('Steve Witkoff');
  });
});
