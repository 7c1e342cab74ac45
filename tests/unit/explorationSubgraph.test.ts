import type { Db } from '../../src/db';
import { expandRings, type ExpandRingsOptions } from '../../src/exploration/expandRings';
import { DETOUR_PATHS_QUERIES, SHORTEST_PATHS_QUERIES } from '../../src/exploration/pathQuery';
import { RING_QUERIES } from '../../src/exploration/ringQuery';
import { edgeId, sortSubgraph } from '../../src/exploration/SubgraphRecord';
import { toCytoscape } from '../../src/exploration/toCytoscape';
import type { EntityRecord } from '../../src/model';

const entity = (id: string, label: EntityRecord['label'] = 'Person'): EntityRecord => ({ id, label, name: id.toUpperCase() });
const hit = (from: string, type: string, to: string, neighbour: string) => ({
  from,
  type,
  to,
  properties: { sources: ['src'] },
  neighbour: entity(neighbour),
});

/**
 * A stand-in executor that answers ring queries from a script, one answer per
 * call, and records the parameters: expandRings' bookkeeping (caps, skip
 * lists, truncation) is tested here; the Cypher itself runs against Neo4j in
 * tests/integration/exploration*.test.ts.
 */
function scriptedDb(answers: Array<{ frontierDegree: number; hits: ReturnType<typeof hit>[] }>) {
  const calls: Array<{ name: string; params: Record<string, unknown> }> = [];
  const db = {
    async read(name: string, _query: string, params: Record<string, unknown>) {
      calls.push({ name, params });
      const answer = answers.shift();
      return answer ? [answer] : [];
    },
  } as unknown as Db;
  return { db, calls };
}

const OPTIONS: ExpandRingsOptions = {
  depth: 2,
  direction: 'BOTH',
  types: null,
  labels: null,
  exclude: [],
  nodeLimit: 10,
  edgeLimit: 20,
  scanLimit: 1000,
};

describe('expandRings', () => {
  it('reads ring by ring, skipping nodes already expanded, and dedupes edges seen from both ends', async () => {
    const { db, calls } = scriptedDb([
      { frontierDegree: 2, hits: [hit('c', 'ENVOY_OF', 'b', 'b'), hit('c', 'PROPOSED', 'a', 'a')] },
      {
        frontierDegree: 5,
        hits: [hit('a', 'CITES', 'b', 'b'), hit('a', 'CITES', 'b', 'a'), hit('b', 'ABOUT', 'd', 'd')],
      },
    ]);
    const graph = await expandRings(db, [entity('c')], OPTIONS);
    expect(calls.map((c) => c.name)).toEqual(['exploration.ring1', 'exploration.ring2']);
    expect(calls[0].params).toMatchObject({ frontier: ['c'], skip: [], rowLimit: 21, scanLimit: 1000 });
    expect(calls[1].params).toMatchObject({ frontier: ['b', 'a'], skip: ['c'], rowLimit: 19 });
    expect(graph.nodes.map((n) => [n.id, n.distance])).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 1],
      ['d', 2],
    ]);
    expect(graph.edges.map((e) => e.id)).toEqual(['a-CITES-b', 'b-ABOUT-d', 'c-ENVOY_OF-b', 'c-PROPOSED-a']);
    expect(graph.truncated).toBe(false);
  });

  it('stops at the node limit, drops the edges to nodes left out, and reads no further ring', async () => {
    const { db, calls } = scriptedDb([
      { frontierDegree: 3, hits: [hit('c', 'ABOUT', 'x', 'x'), hit('c', 'ABOUT', 'y', 'y'), hit('c', 'ABOUT', 'z', 'z')] },
    ]);
    const graph = await expandRings(db, [entity('c')], { ...OPTIONS, nodeLimit: 3 });
    expect(graph.nodes.map((n) => n.id)).toEqual(['c', 'x', 'y']);
    expect(graph.edges.map((e) => e.to)).toEqual(['x', 'y']);
    expect(graph.truncated).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('reports truncation when a ring returns more rows than the edge budget', async () => {
    const { db } = scriptedDb([{ frontierDegree: 3, hits: [hit('c', 'ABOUT', 'x', 'x'), hit('c', 'ABOUT', 'y', 'y'), hit('c', 'ABOUT', 'z', 'z')] }]);
    const graph = await expandRings(db, [entity('c')], { ...OPTIONS, edgeLimit: 2 });
    expect(graph.edges).toHaveLength(2);
    expect(graph.truncated).toBe(true);
  });

  it('reports truncation when the frontier has more relationships than one ring may read', async () => {
    const { db } = scriptedDb([{ frontierDegree: 1001, hits: [hit('c', 'ABOUT', 'x', 'x')] }]);
    const graph = await expandRings(db, [entity('c')], { ...OPTIONS, depth: 1 });
    expect(graph.nodes.map((n) => n.id)).toEqual(['c', 'x']);
    expect(graph.truncated).toBe(true);
  });

  it('passes the excluded ids to every ring, but never the starting entities', async () => {
    const { db, calls } = scriptedDb([{ frontierDegree: 0, hits: [] }]);
    await expandRings(db, [entity('a'), entity('b')], { ...OPTIONS, depth: 1, exclude: ['b', 'q'] });
    expect(calls[0].params).toMatchObject({ frontier: ['a', 'b'], skip: ['q'] });
  });
});

describe('subgraph helpers', () => {
  it('names an edge by from, type and to', () => {
    expect(edgeId('steve-witkoff', 'ENVOY_OF', 'donald-trump')).toBe('steve-witkoff-ENVOY_OF-donald-trump');
  });

  it('orders nodes by distance then id, edges by from, type, to', () => {
    const e = (from: string, type: string, to: string) => ({ id: edgeId(from, type, to), from, type, to, properties: {} });
    const sorted = sortSubgraph({
      truncated: false,
      nodes: [
        { id: 'b', distance: 1, entity: entity('b') },
        { id: 'z', distance: 0, entity: entity('z') },
        { id: 'a', distance: 1, entity: entity('a') },
      ],
      edges: [e('z', 'CITES', 'a'), e('b', 'ABOUT', 'z'), e('z', 'ABOUT', 'b')],
    });
    expect(sorted.nodes.map((n) => n.id)).toEqual(['z', 'a', 'b']);
    expect(sorted.edges.map((x) => x.id)).toEqual(['b-ABOUT-z', 'z-ABOUT-b', 'z-CITES-a']);
  });

  it('gives Cytoscape.js its elements: data.id on nodes, data.source and data.target on edges', () => {
    const elements = toCytoscape({
      truncated: false,
      nodes: [
        { id: 'a', distance: 0, entity: { id: 'a', label: 'Person', name: 'Alice' } },
        { id: 's', distance: 1, entity: { id: 's', label: 'Source', name: 'A report' } },
      ],
      edges: [{ id: 'a-SAID-s', type: 'SAID', from: 'a', to: 's', properties: {} }],
    });
    expect(elements).toEqual({
      nodes: [{ data: { id: 'a', label: 'Alice', type: 'PERSON', distance: 0 } }, { data: { id: 's', label: 'A report', type: 'SOURCE', distance: 1 } }],
      edges: [{ data: { id: 'a-SAID-s', source: 'a', target: 's', label: 'SAID' } }],
    });
  });
});

describe('exploration Cypher', () => {
  it('limits the raw expansion before any filter, in every direction', () => {
    for (const [direction, query] of Object.entries(RING_QUERIES)) {
      const match = query.indexOf(`MATCH (a:Entity {id: frontierId})${{ OUTGOING: '-[r]->', INCOMING: '<-[r]-', BOTH: '-[r]-' }[direction]}(b)`);
      const scan = query.indexOf('WITH r, b LIMIT toInteger($scanLimit)');
      const filter = query.indexOf('WHERE b:Entity');
      const rows = query.indexOf('WITH r, b LIMIT toInteger($rowLimit)');
      expect([direction, match > 0 && match < scan && scan < filter && filter < rows]).toEqual([direction, true]);
    }
  });

  it('takes every value as a parameter', () => {
    const params = (query: string) => [...new Set(query.match(/\$[A-Za-z]+/g))].sort();
    for (const query of Object.values(RING_QUERIES)) {
      expect(params(query)).toEqual(['$frontier', '$labels', '$rowLimit', '$scanLimit', '$skip', '$types']);
    }
    for (const query of Object.values(SHORTEST_PATHS_QUERIES)) {
      expect(params(query)).toEqual(['$from', '$maxLength', '$to', '$types']);
      expect(query).toContain('ALL SHORTEST');
    }
    for (const query of Object.values(DETOUR_PATHS_QUERIES)) {
      expect(params(query)).toEqual(['$avoid', '$from', '$maxLength', '$to', '$types']);
      expect(query).not.toMatch(/SHORTEST \d/);
    }
  });
});
