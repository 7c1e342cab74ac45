import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * The exploration API on a small graph this file owns:
 *
 *   alice -ENVOY_OF-> bob -HOLDS_OFFICE-> office -OFFICE_OF-> country
 *   alice -PROPOSED-> proposal -PROPOSED_TO-> dora
 *   bob -PARTICIPANT_IN-> meeting <-PARTICIPANT_IN- dora
 *   lonely (no relationships)
 */
const P = 'test-expl-';
const id = (name: string) => `${P}${name}`;
const edge = (from: string, type: string, to: string) => `${id(from)}-${type}-${id(to)}`;

const SUBGRAPH = `
  nodes { id: entityId type name distance entity { __typename id name } }
  edges { id type from to evidence { quote confidence date dateText source { id name } } }
  truncated
  cytoscape
`;

describe('exploration API on test-owned data', () => {
  let t: TestApp;

  /** Runs an operation in a fresh request context; returns the body and the round-trips it cost. */
  async function run(query: string, variables: Record<string, unknown> = {}) {
    return t.app.execute(query, variables);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const nodes = [
      { id: id('source'), label: 'Source', name: 'Test report' },
      { id: id('alice'), label: 'Person', name: 'Alice' },
      { id: id('bob'), label: 'Person', name: 'Bob' },
      { id: id('dora'), label: 'Person', name: 'Dora' },
      { id: id('office'), label: 'Office', name: 'Test office' },
      { id: id('country'), label: 'Country', name: 'Testland' },
      { id: id('proposal'), label: 'Proposal', name: 'Test proposal' },
      { id: id('meeting'), label: 'Meeting', name: 'Test meeting' },
      { id: id('lonely'), label: 'Place', name: 'Lonely place' },
    ];
    await t.db.write(
      'createExplorationNodes',
      `UNWIND $nodes AS row
       CALL (row) {
         WITH row WHERE row.label = 'Source' CREATE (:Entity:Source {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Person' CREATE (:Entity:Person {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Office' CREATE (:Entity:Office {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Country' CREATE (:Entity:Country {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Proposal' CREATE (:Entity:Proposal {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Meeting' CREATE (:Entity:Meeting {id: row.id, name: row.name, aliases: []})
         UNION WITH row WHERE row.label = 'Place' CREATE (:Entity:Place {id: row.id, name: row.name, aliases: []})
       }`,
      { nodes },
    );
    const rels = [
      ['alice', 'ENVOY_OF', 'bob', { quote: 'Alice speaks for Bob', confidence: 1.0, dateText: 'on Thursday' }],
      ['bob', 'HOLDS_OFFICE', 'office', { confidence: 1.0 }],
      ['office', 'OFFICE_OF', 'country', { confidence: 1.0 }],
      ['alice', 'PROPOSED', 'proposal', { quote: 'Let us meet', confidence: 0.8 }],
      ['proposal', 'PROPOSED_TO', 'dora', { quote: 'Dora was asked', confidence: 0.7 }],
      ['bob', 'PARTICIPANT_IN', 'meeting', { confidence: 0.9 }],
      ['dora', 'PARTICIPANT_IN', 'meeting', { confidence: 0.5 }],
    ].map(([from, type, to, props]) => ({ from: id(from as string), type, to: id(to as string), props }));
    // Types come from this fixed list; CREATE cannot take a type parameter in 5.26, so each is its own statement.
    for (const type of new Set(rels.map((r) => r.type))) {
      await t.db.write(
        'createExplorationRelationships',
        `UNWIND $rels AS rel
         MATCH (a:Entity {id: rel.from}), (b:Entity {id: rel.to})
         CREATE (a)-[r:${type}]->(b)
         SET r = rel.props, r.sources = [$source], r.date = date('2025-08-07')`,
        { rels: rels.filter((r) => r.type === type), source: id('source') },
      );
    }
  });

  afterAll(async () => {
    await t.db.write('deleteExplorationData', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: P });
    await t.close();
  });

  describe('neighborhood', () => {
    it('returns the direct neighbours at depth 1, with entities, evidence and deterministic order', async () => {
      const { data, errors } = await run(`query($id: ID!) { neighborhood(id: $id) { ${SUBGRAPH} } }`, { id: id('alice') });
      expect(errors).toBeUndefined();
      const graph = data!.neighborhood as any;
      expect(graph.nodes.map((n: any) => [n.id, n.distance, n.type])).toEqual([
        [id('alice'), 0, 'PERSON'],
        [id('bob'), 1, 'PERSON'],
        [id('proposal'), 1, 'PROPOSAL'],
      ]);
      expect(graph.nodes[1]).toMatchObject({ name: 'Bob', entity: { __typename: 'Person', id: id('bob'), name: 'Bob' } });
      expect(graph.edges.map((e: any) => e.id)).toEqual([edge('alice', 'ENVOY_OF', 'bob'), edge('alice', 'PROPOSED', 'proposal')]);
      expect(graph.edges[0]).toEqual({
        id: edge('alice', 'ENVOY_OF', 'bob'),
        type: 'ENVOY_OF',
        from: id('alice'),
        to: id('bob'),
        evidence: [
          {
            quote: 'Alice speaks for Bob',
            confidence: 1,
            date: '2025-08-07',
            dateText: 'on Thursday',
            source: { id: id('source'), name: 'Test report' },
          },
        ],
      });
      expect(graph.truncated).toBe(false);
    });

    it('adds the second ring at depth 2; edges between two outer-ring nodes are left to expand', async () => {
      const { data, errors } = await run(`query($id: ID!) { neighborhood(id: $id, depth: 2) { ${SUBGRAPH} } }`, { id: id('alice') });
      expect(errors).toBeUndefined();
      const graph = data!.neighborhood as any;
      expect(graph.nodes.map((n: any) => [n.id, n.distance])).toEqual([
        [id('alice'), 0],
        [id('bob'), 1],
        [id('proposal'), 1],
        [id('dora'), 2],
        [id('meeting'), 2],
        [id('office'), 2],
      ]);
      expect(graph.edges.map((e: any) => e.id)).toEqual([
        edge('alice', 'ENVOY_OF', 'bob'),
        edge('alice', 'PROPOSED', 'proposal'),
        edge('bob', 'HOLDS_OFFICE', 'office'),
        edge('bob', 'PARTICIPANT_IN', 'meeting'),
        edge('proposal', 'PROPOSED_TO', 'dora'),
      ]);
      const ids = new Set(graph.nodes.map((n: any) => n.id));
      expect(ids.size).toBe(graph.nodes.length);
      for (const e of graph.edges) {
        expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      }
    });

    it('feeds Cytoscape.js: elements with data.id, and every edge source and target a node id', async () => {
      const { data } = await run(`query($id: ID!) { neighborhood(id: $id, depth: 3) { cytoscape nodes { id: entityId } edges { id } } }`, {
        id: id('alice'),
      });
      const graph = data!.neighborhood as any;
      const elements = graph.cytoscape;
      expect(Object.keys(elements).sort()).toEqual(['edges', 'nodes']);
      expect(elements.nodes.map((n: any) => n.data.id)).toEqual(graph.nodes.map((n: any) => n.id));
      expect(elements.edges.map((e: any) => e.data.id)).toEqual(graph.edges.map((e: any) => e.id));
      expect(elements.nodes[0]).toEqual({ data: { id: id('alice'), label: 'Alice', type: 'PERSON', distance: 0 } });
      expect(elements.edges).toContainEqual({
        data: { id: edge('office', 'OFFICE_OF', 'country'), source: id('office'), target: id('country'), label: 'OFFICE_OF' },
      });
      const nodeIds = new Set(elements.nodes.map((n: any) => n.data.id));
      for (const e of elements.edges) {
        expect(nodeIds.has(e.data.source)).toBe(true);
        expect(nodeIds.has(e.data.target)).toBe(true);
      }
    });

    it('follows only the direction, relation types and entity types asked for', async () => {
      const q = `query($id: ID!, $d: Direction, $types: [String!], $labels: [EntityType!]) {
        neighborhood(id: $id, depth: 2, direction: $d, relationTypes: $types, labels: $labels) { nodes { id: entityId } edges { id } } }`;
      const incoming = await run(q, { id: id('meeting'), d: 'INCOMING' });
      expect((incoming.data!.neighborhood as any).nodes.map((n: any) => n.id)).toEqual([
        id('meeting'),
        id('bob'),
        id('dora'),
        id('alice'),
        id('proposal'),
      ]);
      const outgoing = await run(q, { id: id('meeting'), d: 'OUTGOING' });
      expect((outgoing.data!.neighborhood as any).nodes.map((n: any) => n.id)).toEqual([id('meeting')]);
      const typed = await run(q, { id: id('alice'), types: ['ENVOY_OF', 'HOLDS_OFFICE'] });
      expect((typed.data!.neighborhood as any).edges.map((e: any) => e.id)).toEqual([
        edge('alice', 'ENVOY_OF', 'bob'),
        edge('bob', 'HOLDS_OFFICE', 'office'),
      ]);
      const persons = await run(q, { id: id('meeting'), labels: ['PERSON'] });
      expect((persons.data!.neighborhood as any).nodes.map((n: any) => n.id)).toEqual([id('meeting'), id('bob'), id('dora'), id('alice')]);
    });

    it('stops at the node limit and says so with truncated', async () => {
      const { data } = await run(`query($id: ID!) { neighborhood(id: $id, depth: 3, limit: 3) { nodes { id: entityId } edges { from to } truncated } }`, {
        id: id('alice'),
      });
      const graph = data!.neighborhood as any;
      expect(graph.nodes).toHaveLength(3);
      expect(graph.truncated).toBe(true);
      const ids = new Set(graph.nodes.map((n: any) => n.id));
      for (const e of graph.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    });

    it('costs at most depth + 1 round-trips, entities included; evidence sources add one batched round-trip', async () => {
      const plain = await run(`query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { entity { id name } } edges { evidence { quote } } } }`, {
        id: id('alice'),
      });
      expect(plain.errors).toBeUndefined();
      expect(plain.roundTrips).toBeLessThanOrEqual(3);
      const withSources = await run(`query($id: ID!) { neighborhood(id: $id, depth: 2) { ${SUBGRAPH} } }`, { id: id('alice') });
      expect(withSources.errors).toBeUndefined();
      expect(withSources.roundTrips).toBeLessThanOrEqual(4);
    });

    it('refuses unknown ids, unknown relation types and out-of-range arguments, naming them', async () => {
      const q = `query($id: ID!, $depth: Int, $limit: Int, $types: [String!]) {
        neighborhood(id: $id, depth: $depth, limit: $limit, relationTypes: $types) { nodes { id: entityId } } }`;
      const missing = await t.post(q, { id: id('nobody') });
      expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id', value: id('nobody') });
      expect(missing.body.errors?.[0].message).toContain(id('nobody'));

      const unknownType = await t.post(q, { id: id('alice'), types: ['KNOWS_WELL'] });
      expect(unknownType.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes', value: 'KNOWS_WELL' });
      expect(unknownType.body.errors?.[0].message).toContain('ENVOY_OF');

      const badShape = await t.post(q, { id: id('alice'), types: ['envoy of'] });
      expect(badShape.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes', value: 'envoy of' });

      const maxDepth = t.config.exploration.maxDepth;
      const deep = await t.post(q, { id: id('alice'), depth: maxDepth + 1 });
      expect(deep.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth', value: maxDepth + 1, min: 1, max: maxDepth });
      expect(deep.body.errors?.[0].message).toBe(`depth: expected a whole number from 1 to ${maxDepth}, got ${maxDepth + 1}.`);

      const big = await t.post(q, { id: id('alice'), limit: t.config.exploration.maxNodeLimit + 1 });
      expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit', max: t.config.exploration.maxNodeLimit });
      const zero = await t.post(q, { id: id('alice'), limit: 0 });
      expect(zero.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit', value: 0 });
    });
  });

  describe('expand', () => {
    const q = `query($ids: [ID!]!, $exclude: [ID!], $d: Direction) {
      expand(ids: $ids, exclude: $exclude, direction: $d) { nodes { id: entityId distance } edges { id } truncated } }`;

    it('returns the given nodes, their neighbours and the edges between them', async () => {
      const { data, errors } = await run(q, { ids: [id('bob'), id('dora')] });
      expect(errors).toBeUndefined();
      const graph = data!.expand as any;
      expect(graph.nodes).toEqual([
        { id: id('bob'), distance: 0 },
        { id: id('dora'), distance: 0 },
        { id: id('alice'), distance: 1 },
        { id: id('meeting'), distance: 1 },
        { id: id('office'), distance: 1 },
        { id: id('proposal'), distance: 1 },
      ]);
      expect(graph.edges.map((e: any) => e.id)).toEqual([
        edge('alice', 'ENVOY_OF', 'bob'),
        edge('bob', 'HOLDS_OFFICE', 'office'),
        edge('bob', 'PARTICIPANT_IN', 'meeting'),
        edge('dora', 'PARTICIPANT_IN', 'meeting'),
        edge('proposal', 'PROPOSED_TO', 'dora'),
      ]);
      expect(graph.truncated).toBe(false);
    });

    it('skips the excluded neighbours and only those; the given nodes stay even when excluded', async () => {
      const { data, roundTrips } = await run(q, { ids: [id('bob')], exclude: [id('alice'), id('bob'), id('lonely')] });
      const graph = data!.expand as any;
      expect(graph.nodes).toEqual([
        { id: id('bob'), distance: 0 },
        { id: id('meeting'), distance: 1 },
        { id: id('office'), distance: 1 },
      ]);
      expect(graph.edges.map((e: any) => e.id)).toEqual([edge('bob', 'HOLDS_OFFICE', 'office'), edge('bob', 'PARTICIPANT_IN', 'meeting')]);
      expect(roundTrips).toBe(2);
    });

    it('names every unknown id', async () => {
      const { body } = await t.post(q, { ids: [id('bob'), id('ghost-1'), id('ghost-2')] });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'ids', value: [id('ghost-1'), id('ghost-2')] });
    });
  });

  describe('paths', () => {
    const q = `query($from: ID!, $to: ID!, $d: Direction, $max: Int, $first: Int) {
      paths(from: $from, to: $to, direction: $d, maxLength: $max, first: $first) {
        length
        nodes { id: entityId distance entity { id } }
        edges { id type from to evidence { quote source { id } } }
      } }`;

    it('returns the shortest paths first, with the evidence of every hop', async () => {
      const { data, errors, roundTrips } = await run(q, { from: id('alice'), to: id('dora') });
      expect(errors).toBeUndefined();
      const paths = data!.paths as any[];
      expect(paths.map((p) => p.nodes.map((n: any) => n.id))).toEqual([
        [id('alice'), id('proposal'), id('dora')],
        [id('alice'), id('bob'), id('meeting'), id('dora')],
      ]);
      expect(paths[0].length).toBe(2);
      expect(paths[0].nodes.map((n: any) => n.distance)).toEqual([0, 1, 2]);
      expect(paths[0].edges).toEqual([
        {
          id: edge('alice', 'PROPOSED', 'proposal'),
          type: 'PROPOSED',
          from: id('alice'),
          to: id('proposal'),
          evidence: [{ quote: 'Let us meet', source: { id: id('source') } }],
        },
        {
          id: edge('proposal', 'PROPOSED_TO', 'dora'),
          type: 'PROPOSED_TO',
          from: id('proposal'),
          to: id('dora'),
          evidence: [{ quote: 'Dora was asked', source: { id: id('source') } }],
        },
      ]);
      // The meeting hop is walked against its direction: dora took part in it.
      expect(paths[1].edges[2]).toMatchObject({ from: id('dora'), to: id('meeting') });
      // from/to, the shortest paths, the detours around them, and the evidence sources (one batch).
      expect(roundTrips).toBeLessThanOrEqual(4);
    });

    it('honours direction, maxLength and first; no path is an empty list', async () => {
      const outgoing = await run(q, { from: id('alice'), to: id('dora'), d: 'OUTGOING' });
      expect((outgoing.data!.paths as any[]).map((p) => p.length)).toEqual([2]);
      const incoming = await run(q, { from: id('alice'), to: id('dora'), d: 'INCOMING' });
      expect(incoming.data!.paths).toEqual([]);
      const short = await run(q, { from: id('alice'), to: id('dora'), max: 2 });
      expect((short.data!.paths as any[]).map((p) => p.length)).toEqual([2]);
      const one = await run(q, { from: id('alice'), to: id('dora'), first: 1 });
      expect((one.data!.paths as any[]).map((p) => p.length)).toEqual([2]);
      const none = await run(q, { from: id('alice'), to: id('lonely') });
      expect(none.errors).toBeUndefined();
      expect(none.data!.paths).toEqual([]);
    });

    it('refuses unknown ids, the same id twice and out-of-range lengths', async () => {
      const unknown = await t.post(q, { from: id('alice'), to: id('nowhere') });
      expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'to', value: id('nowhere') });
      const same = await t.post(q, { from: id('alice'), to: id('alice') });
      expect(same.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
      const max = t.config.exploration.pathsMaxLength;
      const long = await t.post(q, { from: id('alice'), to: id('dora'), max: max + 1 });
      expect(long.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxLength', value: max + 1, max });
      const many = await t.post(q, { from: id('alice'), to: id('dora'), first: 11 });
      expect(many.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first', value: 11 });
    });

    it('runs every path search with the PATHS_TIMEOUT_MS transaction timeout', async () => {
      const ctx = t.app.contextFor();
      const seen: Array<{ name: string; timeoutMs?: number }> = [];
      const read = ctx.db.read.bind(ctx.db);
      ctx.db.read = ((name: string, query: string, params?: Record<string, unknown>, options?: { timeoutMs?: number }) => {
        seen.push({ name, timeoutMs: options?.timeoutMs });
        return read(name, query, params, options);
      }) as typeof ctx.db.read;
      const result = await t.app.apollo.executeOperation(
        { query: `query($from: ID!, $to: ID!) { paths(from: $from, to: $to) { length } }`, variables: { from: id('alice'), to: id('dora') } },
        { contextValue: ctx },
      );
      expect(result.body.kind === 'single' && result.body.singleResult.errors).toBeFalsy();
      const searches = seen.filter((call) => call.name.endsWith('Paths'));
      expect(searches.map((call) => call.name)).toEqual(['exploration.shortestPaths', 'exploration.detourPaths']);
      for (const call of searches) expect(call.timeoutMs).toBe(t.config.exploration.pathsTimeoutMs);
    });
  });
});
