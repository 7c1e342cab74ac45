import type { ProfiledPlan } from 'neo4j-driver';
import { RING_QUERIES } from '../../src/exploration/ringQuery';
import { deleteEntitiesWithPrefix, totalDbHits } from '../harness/testData';
import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * A hub this file owns: one organization represented by 20,000 persons,
 * plus three places it is located in. Exploring it must stay within the
 * caps, and the ring query must never read the whole hub.
 */
const P = 'test-explhub-';
const HUB = `${P}hub`;
const LEAVES = 20_000;
const BATCH = 5_000;

describe('exploration around a hub of 20,000 relationships', () => {
  let t: TestApp;

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const result = await t.app.execute(query, variables);
    expect(result.errors).toBeUndefined();
    return { data: result.data as Record<string, any>, roundTrips: result.roundTrips };
  }

  /** Runs one ring query with PROFILE, straight on the driver; returns its rows and total db hits. */
  async function profileRing(params: Record<string, unknown>) {
    const session = t.db.driver.session({ database: t.db.database });
    try {
      const result = await session.run(`PROFILE ${RING_QUERIES.BOTH}`, {
        frontier: [HUB],
        skip: [],
        types: null,
        labels: null,
        ...params,
      });
      const hits = result.records[0].get('hits') as unknown[];
      return { hits: hits.length, dbHits: totalDbHits(result.summary.profile as ProfiledPlan) };
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.write(
      'createHub',
      `CREATE (:Entity:Organization {id: $hub, name: 'Hub organization', aliases: []})
       WITH 1 AS one UNWIND range(1, 3) AS i
       MATCH (hub:Entity {id: $hub})
       CREATE (hub)-[:LOCATED_IN {sources: [$hub], confidence: 1.0}]->(:Entity:Place {id: $prefix + 'place-' + i, name: 'Place ' + i, aliases: []})`,
      { hub: HUB, prefix: P },
    );
    for (let start = 1; start <= LEAVES; start += BATCH) {
      await t.db.write(
        'createHubLeaves',
        `MATCH (hub:Entity {id: $hub})
         UNWIND range($start, $end) AS i
         CREATE (:Entity:Person {id: $prefix + 'leaf-' + i, name: 'Leaf ' + i, aliases: []})
           -[:REPRESENTS {sources: [$hub], confidence: 1.0}]->(hub)`,
        { hub: HUB, prefix: P, start, end: start + BATCH - 1 },
      );
    }
  });

  afterAll(async () => {
    await deleteEntitiesWithPrefix(t.db, P);
    await t.close();
  });

  it('has the hub it claims to have', async () => {
    const [row] = await t.db.read<{ degree: number }>('hubDegree', 'MATCH (h:Entity {id: $hub}) RETURN COUNT { (h)--() } AS degree', { hub: HUB });
    expect(row.degree).toBe(LEAVES + 3);
  });

  it('returns the neighbourhood of the hub within the caps, truncated', async () => {
    const { data, roundTrips } = await run(
      `query($id: ID!) { neighborhood(id: $id, limit: 100) { nodes { id: entityId distance entity { id } } edges { id from to } truncated cytoscape } }`,
      { id: HUB },
    );
    const graph = data.neighborhood;
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(100);
    expect(graph.nodes[0]).toMatchObject({ id: HUB, distance: 0 });
    expect(graph.edges.length).toBeLessThanOrEqual(100 * t.config.exploration.edgesPerNode);
    const ids = new Set(graph.nodes.map((n: any) => n.id));
    expect(ids.size).toBe(100);
    for (const e of graph.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(graph.cytoscape.nodes).toHaveLength(100);
    // The hub itself, then one ring; the entities come primed.
    expect(roundTrips).toBe(2);
  });

  it('does not read the whole hub: the ring query stops at its row limit (PROFILE db hits)', async () => {
    const { hits, dbHits: total } = await profileRing({ scanLimit: t.config.exploration.scanLimit, rowLimit: 101 });
    expect(hits).toBe(101);
    expect(total).toBeLessThan(5_000);
    expect(total).toBeLessThan(LEAVES / 4);
  });

  it('bounds a filtered scan of the hub by the scan limit (PROFILE db hits), and reports it as truncated', async () => {
    const { dbHits: total } = await profileRing({ types: ['LOCATED_IN'], scanLimit: 1_000, rowLimit: 101 });
    expect(total).toBeLessThan(5_000);

    const { data } = await run(
      `query($id: ID!) { neighborhood(id: $id, relationTypes: ["LOCATED_IN"]) { nodes { id: entityId } edges { type } truncated } }`,
      { id: HUB },
    );
    // The hub has more relationships than one ring may read, so the answer cannot claim to be complete.
    expect(data.neighborhood.truncated).toBe(true);
    for (const e of data.neighborhood.edges) expect(e.type).toBe('LOCATED_IN');
  });

  it('stays within the caps at depth 2 from a leaf, in at most 3 round-trips', async () => {
    const { data, roundTrips } = await run(
      `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { nodes { id: entityId distance } edges { from to } truncated } }`,
      { id: `${P}leaf-1` },
    );
    const graph = data.neighborhood;
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(50);
    expect(graph.nodes.slice(0, 2)).toEqual([
      { id: `${P}leaf-1`, distance: 0 },
      { id: HUB, distance: 1 },
    ]);
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  it('expands the hub without the neighbours excluded', async () => {
    const exclude = Array.from({ length: 500 }, (_, i) => `${P}leaf-${i + 1}`);
    const { data } = await run(
      `query($ids: [ID!]!, $exclude: [ID!]) { expand(ids: $ids, exclude: $exclude, limit: 30) { nodes { id: entityId } truncated } }`,
      {
        ids: [HUB],
        exclude,
      },
    );
    const ids: string[] = data.expand.nodes.map((n: any) => n.id);
    expect(ids).toHaveLength(30);
    expect(data.expand.truncated).toBe(true);
    const excluded = new Set(exclude);
    expect(ids.filter((id) => excluded.has(id))).toEqual([]);
  });

  it('finds the path between two leaves through the hub', async () => {
    const { data } = await run(`query($from: ID!, $to: ID!) { paths(from: $from, to: $to, first: 3) { length nodes { id: entityId } } }`, {
      from: `${P}leaf-1`,
      to: `${P}leaf-20000`,
    });
    expect(data.paths).toEqual([{ length: 2, nodes: [{ id: `${P}leaf-1` }, { id: HUB }, { id: `${P}leaf-20000` }] }]);
  });
});
