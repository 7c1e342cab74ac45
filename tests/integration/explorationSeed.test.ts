import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * The exploration API on the seeded article graph (seed/documents,
 * docs/model.md): Steve Witkoff, his trip to Moscow, the three-way meeting
 * he proposed, and how he connects to Volodymyr Zelensky.
 */
const PROPOSAL_QUOTE = 'This option was simply mentioned by the American representative (Steve Witkoff) during the meeting in the Kremlin';

describe('exploration API on the seeded article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const result = await t.app.execute(query, variables);
    expect(result.errors).toBeUndefined();
    return { data: result.data as Record<string, any>, roundTrips: result.roundTrips };
  }

  const NEIGHBORHOOD = `query($id: ID!, $depth: Int) {
    neighborhood(id: $id, depth: $depth) {
      nodes { id: entityId type name distance entity { __typename id } }
      edges { id type from to evidence { quote source { id } } }
      truncated
      cytoscape
    } }`;

  it("Witkoff at depth 1: the envoy's own relations, each with its source", async () => {
    const { data } = await run(NEIGHBORHOOD, { id: 'steve-witkoff', depth: 1 });
    const graph = data.neighborhood;
    expect(graph.truncated).toBe(false);
    expect(graph.nodes[0]).toMatchObject({ id: 'steve-witkoff', type: 'PERSON', distance: 0, entity: { __typename: 'Person' } });
    expect(graph.nodes.map((n: any) => n.id)).toEqual(
      expect.arrayContaining([
        'donald-trump',
        'united-states',
        'moscow',
        'witkoff-visit-to-moscow',
        'meeting-witkoff-kremlin',
        'proposal-three-way-meeting',
      ]),
    );
    expect(graph.nodes.slice(1).every((n: any) => n.distance === 1)).toBe(true);
    expect(new Set(graph.edges.map((e: any) => e.type))).toEqual(new Set(['ENVOY_OF', 'REPRESENTS', 'VISITED', 'PARTICIPANT_IN', 'PROPOSED']));
    for (const e of graph.edges) {
      expect([e.from, e.to]).toContain('steve-witkoff');
      expect(e.evidence.length).toBeGreaterThan(0);
    }
    const proposed = graph.edges.find((e: any) => e.id === 'steve-witkoff-PROPOSED-proposal-three-way-meeting');
    expect(proposed.evidence).toContainEqual({ quote: PROPOSAL_QUOTE, source: { id: 'article-trump-putin-summit' } });
    expect(graph.edges.find((e: any) => e.type === 'ENVOY_OF')).toMatchObject({ from: 'steve-witkoff', to: 'donald-trump' });
  });

  it('Witkoff at depth 2: the proposed three-way meeting, the Russian side, the Kremlin and Ushakov’s statements', async () => {
    const { data, roundTrips } = await run(NEIGHBORHOOD, { id: 'steve-witkoff', depth: 2 });
    const graph = data.neighborhood;
    const distance = new Map(graph.nodes.map((n: any) => [n.id, n.distance]));
    expect(distance.get('donald-trump')).toBe(1);
    for (const id of [
      'meeting-trump-putin-zelensky',
      'meeting-trump-putin',
      'russia',
      'kremlin',
      'president-of-the-united-states',
      'statement-ushakov-option-mentioned',
      'moscow-kremlin',
    ]) {
      expect([id, distance.get(id)]).toEqual([id, 2]);
    }
    // Zelensky is three hops away (Witkoff → proposal → three-way meeting → Zelensky).
    expect(distance.has('volodymyr-zelensky')).toBe(false);
    const types = new Set(graph.edges.map((e: any) => e.type));
    for (const type of ['CONCERNS', 'DECLINED_TO_COMMENT', 'ABOUT', 'HOLDS_OFFICE', 'MADE_DURING', 'PROPOSED_TO']) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
    expect(graph.edges.map((e: any) => e.id)).toContain('russia-DECLINED_TO_COMMENT-proposal-three-way-meeting');
    // The cytoscape elements hold exactly these nodes and edges.
    const nodeIds = new Set(graph.cytoscape.nodes.map((n: any) => n.data.id));
    expect(nodeIds).toEqual(new Set(graph.nodes.map((n: any) => n.id)));
    for (const e of graph.cytoscape.edges) expect(nodeIds.has(e.data.source) && nodeIds.has(e.data.target)).toBe(true);
    // Centre, two rings, and one batch of evidence sources.
    expect(roundTrips).toBeLessThanOrEqual(4);
  });

  it('Witkoff to Zelensky: the shortest paths first, with the quote and source on each hop', async () => {
    const { data } = await run(
      `query { paths(from: "steve-witkoff", to: "volodymyr-zelensky") {
        length nodes { id: entityId name } edges { id type from to evidence { quote source { id name } } } } }`,
    );
    const paths = data.paths as any[];
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths[0].length).toBe(3);
    expect(paths.map((p) => p.length)).toEqual([...paths.map((p) => p.length)].sort((a, b) => a - b));
    for (const path of paths) {
      expect(path.nodes[0].id).toBe('steve-witkoff');
      expect(path.nodes[path.length].id).toBe('volodymyr-zelensky');
      expect(path.edges).toHaveLength(path.length);
      path.edges.forEach((e: any, i: number) => {
        // Each hop links the node before it to the node after it, whichever way it points.
        expect([e.from, e.to].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
        expect(e.evidence.length).toBeGreaterThan(0);
        for (const evidence of e.evidence) expect(evidence.source.id).toBeTruthy();
      });
    }
    const viaProposal = paths.find(
      (p) => p.nodes.map((n: any) => n.id).join(' ') === 'steve-witkoff proposal-three-way-meeting meeting-trump-putin-zelensky volodymyr-zelensky',
    );
    expect(viaProposal).toBeDefined();
    expect(viaProposal.edges.map((e: any) => e.type)).toEqual(['PROPOSED', 'CONCERNS', 'PARTICIPANT_IN']);
    expect(viaProposal.edges[0].evidence).toContainEqual({
      quote: PROPOSAL_QUOTE,
      source: { id: 'article-trump-putin-summit', name: expect.any(String) },
    });
    const viaTrump = paths.find((p) => p.nodes[1].id === 'donald-trump');
    expect(viaTrump?.edges.map((e: any) => e.type)).toEqual(['ENVOY_OF', 'PARTICIPANT_IN', 'PARTICIPANT_IN']);
  });

  it('Witkoff to Zelensky over chosen relation types only', async () => {
    const { data } = await run(
      `query { paths(from: "steve-witkoff", to: "volodymyr-zelensky", relationTypes: ["PROPOSED", "CONCERNS", "PARTICIPANT_IN"], maxLength: 3) {
        nodes { id: entityId } } }`,
    );
    expect(data.paths.map((p: any) => p.nodes.map((n: any) => n.id))).toEqual([
      ['steve-witkoff', 'proposal-three-way-meeting', 'meeting-trump-putin-zelensky', 'volodymyr-zelensky'],
    ]);
  });

  it('expands Witkoff without the nodes the client already draws', async () => {
    const { data, roundTrips } = await run(
      `query { expand(ids: ["steve-witkoff"], exclude: ["donald-trump", "moscow"]) { nodes { id: entityId distance } edges { from to } truncated } }`,
    );
    const ids = data.expand.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe('steve-witkoff');
    expect(ids).toEqual(expect.arrayContaining(['united-states', 'witkoff-visit-to-moscow', 'meeting-witkoff-kremlin', 'proposal-three-way-meeting']));
    expect(ids).not.toContain('donald-trump');
    expect(ids).not.toContain('moscow');
    for (const e of data.expand.edges) {
      expect(['donald-trump', 'moscow']).not.toContain(e.from);
      expect(['donald-trump', 'moscow']).not.toContain(e.to);
    }
    const full = await run(`query { expand(ids: ["steve-witkoff"]) { nodes { id: entityId } } }`);
    expect(full.data.expand.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([...ids, 'donald-trump', 'moscow']));
    expect(full.data.expand.nodes).toHaveLength(ids.length + 2);
    expect(roundTrips).toBe(2);
  });
});
