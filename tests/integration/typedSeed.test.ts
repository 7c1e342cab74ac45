import { startTestApp, type TestApp } from '../harness/testApp';

/** The seeded article graph (seed/documents/trump-putin-summit.yaml), read through the typed API. */
describe('the typed API on the seeded article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages through the participants of a proposal (through its meeting) by cursor alone', async () => {
    const ids: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const { body } = await t.post(
        `query($after: String) { entity(id: "proposal-three-way-meeting") { ... on Proposal { participants(first: 1, after: $after) {
          edges { cursor } pageInfo { hasNextPage endCursor } } } } }`,
        { after },
      );
      expect(body.errors).toBeUndefined();
      const { edges, pageInfo } = body.data!.entity.participants;
      if (edges.length) {
        // The cursor alone, read again as the start of a one-edge page, names the next participant.
        const next = await t.post(
          `query($after: String) { entity(id: "proposal-three-way-meeting") { ... on Proposal { participants(first: 1, after: $after) { edges { node { id } } } } } }`,
          { after },
        );
        ids.push(next.body.data!.entity.participants.edges[0].node.id);
      }
      [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
    }
    expect(ids).toEqual(['donald-trump', 'vladimir-putin', 'volodymyr-zelensky']);
  });

  it('answers "who proposed what to whom" in one request, with evidence, quotes and the responses', async () => {
    const { body } = await t.post(`{
      proposals(where: { status: [UNANSWERED] }) {
        totalCount
        edges { node {
          id name purpose status statusText
          proposer { edges { type node { id name } evidence { source { id } quote confidence dateText statement { id } } } }
          addressees { edges { node { id name } role } }
          meeting { edges { node { id name status format participants { edges { status node { id } } } } } }
          participants { edges { status node { id } evidence { confidence } } }
          responses { edges { type node { id name } properties evidence { source { id name } quote } } }
        } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.proposals.totalCount).toBe(1);
    const proposal = body.data!.proposals.edges[0].node;
    expect(proposal).toMatchObject({
      id: 'proposal-three-way-meeting',
      status: 'UNANSWERED',
      purpose: 'halting the ongoing conflict between Russia and Ukraine',
    });

    const [proposer] = proposal.proposer.edges;
    expect(proposal.proposer.edges).toHaveLength(1);
    expect(proposer).toMatchObject({ type: 'PROPOSED', node: { id: 'steve-witkoff', name: 'Steve Witkoff' } });
    expect(proposer.evidence).toContainEqual({
      source: { id: 'article-trump-putin-summit' },
      quote: 'This option was simply mentioned by the American representative (Steve Witkoff) during the meeting in the Kremlin',
      confidence: 1,
      dateText: 'during his trip to Moscow',
      statement: { id: 'statement-ushakov-option-mentioned' },
    });

    expect(proposal.addressees.edges).toEqual([{ node: { id: 'russia', name: 'Russia' }, role: 'the Russian side' }]);
    expect(proposal.meeting.edges).toHaveLength(1);
    const meeting = proposal.meeting.edges[0].node;
    expect(meeting).toMatchObject({ id: 'meeting-trump-putin-zelensky', status: 'PROPOSED', format: 'trilateral' });
    const intended = ['donald-trump', 'vladimir-putin', 'volodymyr-zelensky'];
    expect(meeting.participants.edges.map((e: any) => e.node.id)).toEqual(intended);
    expect(proposal.participants.edges).toEqual(intended.map((id) => ({ status: 'proposed', node: { id }, evidence: [{ confidence: 0.5 }] })));

    const responses = proposal.responses.edges;
    expect(responses.map((e: any) => [e.type, e.node.id])).toEqual([
      ['DECLINED_TO_COMMENT', 'kremlin'],
      ['DECLINED_TO_COMMENT', 'russia'],
    ]);
    const russia = responses[1];
    // Asserted by the article and by the AFP report it quotes: two pieces of evidence, the same words.
    expect(russia.evidence.map((e: any) => e.source.id).sort()).toEqual(['afp-report-ushakov', 'article-trump-putin-summit']);
    for (const evidence of russia.evidence) expect(evidence.quote).toBe('The Russian side left this option completely without comment');
    expect(responses[0].properties).toEqual({ detail: 'has not officially responded to the idea' });
  });

  it("serves Witkoff's entity page: envoy of Trump, represents the United States, his proposal and visit, with evidence", async () => {
    const { body } = await t.post(`{
      entity(id: "steve-witkoff") {
        __typename id name aliases description
        ... on Person {
          offices { totalCount }
          principals { edges { role node { __typename id name } evidence { source { id } confidence } } }
          represents { edges { role node { id ... on Country { isoCode } } evidence { quote statement { id kind quote } } } }
          proposals { edges { node { id status addressees { edges { node { id } } } } } }
          meetings { edges { status node { id status venue { edges { node { id name } } } } } }
          visited { edges { node { id name } evidence { date datePrecision } } }
          relations(types: ["ENVOY_OF", "PROPOSED", "VISITED"], direction: OUTGOING) { totalCount edges { type direction node { id } } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const witkoff = body.data!.entity;
    expect(witkoff).toMatchObject({ __typename: 'Person', id: 'steve-witkoff', name: 'Steve Witkoff', aliases: ['Witkoff'] });
    expect(witkoff.offices.totalCount).toBe(0);
    expect(witkoff.principals.edges).toEqual([
      {
        role: 'special envoy',
        node: { __typename: 'Person', id: 'donald-trump', name: 'Donald Trump' },
        evidence: [{ source: { id: 'article-trump-putin-summit' }, confidence: 1 }],
      },
    ]);
    expect(witkoff.represents.edges[0]).toMatchObject({ role: 'American representative', node: { id: 'united-states', isoCode: 'US' } });
    expect(witkoff.represents.edges[0].evidence[0].statement).toEqual({
      id: 'statement-ushakov-option-mentioned',
      kind: 'QUOTE',
      quote: 'This option was simply mentioned by the American representative (Steve Witkoff) during the meeting in the Kremlin',
    });
    expect(witkoff.proposals.edges).toEqual([
      { node: { id: 'proposal-three-way-meeting', status: 'UNANSWERED', addressees: { edges: [{ node: { id: 'russia' } }] } } },
    ]);
    expect(witkoff.meetings.edges).toEqual([
      {
        status: 'attended',
        node: { id: 'meeting-witkoff-kremlin', status: 'HELD', venue: { edges: [{ node: { id: 'moscow-kremlin', name: 'Moscow Kremlin' } }] } },
      },
    ]);
    expect(witkoff.visited.edges).toEqual([{ node: { id: 'moscow', name: 'Moscow' }, evidence: [{ date: '2025-01-01', datePrecision: 'YEAR' }] }]);
    expect(witkoff.relations.edges).toEqual([
      { type: 'ENVOY_OF', direction: 'OUTGOING', node: { id: 'donald-trump' } },
      { type: 'PROPOSED', direction: 'OUTGOING', node: { id: 'proposal-three-way-meeting' } },
      { type: 'VISITED', direction: 'OUTGOING', node: { id: 'moscow' } },
    ]);
    expect(witkoff.relations.totalCount).toBe(3);
  });

  it("serves Putin's entity page: office and country, adviser, meetings, and what his adviser said", async () => {
    const { body } = await t.post(`{
      putin: entity(id: "vladimir-putin") {
        name
        ... on Person {
          offices { edges { node { id name kind country { edges { node { id name isoCode } evidence { source { id } } } } } } }
          advisers { edges { role properties node { id name statements { totalCount edges { node { id kind quote reportedBy { edges { node { id publisher { edges { node { name } } } } } } } evidence { quote source { id } } } } } } }
          meetings { edges { status node { id status venueStatus } } }
          envoys { totalCount }
          relations { totalCount }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const putin = body.data!.putin;
    expect(putin.offices.edges).toEqual([
      {
        node: {
          id: 'president-of-russia',
          name: 'President of Russia',
          kind: 'head of state',
          country: { edges: [{ node: { id: 'russia', name: 'Russia', isoCode: 'RU' }, evidence: [{ source: { id: 'article-trump-putin-summit' } }] }] },
        },
      },
    ]);
    const [ushakov] = putin.advisers.edges;
    expect(ushakov).toMatchObject({
      role: 'foreign affairs adviser',
      properties: { role: 'foreign affairs adviser', area: 'foreign affairs' },
      node: { id: 'yuri-ushakov' },
    });
    expect(ushakov.node.statements.totalCount).toBe(3);
    for (const statement of ushakov.node.statements.edges) {
      expect(statement.node.kind).toBe('QUOTE');
      expect(statement.evidence.map((e: any) => e.source.id).sort()).toEqual(['afp-report-ushakov', 'article-trump-putin-summit']);
      expect(statement.evidence[0].quote).toBe(statement.node.quote);
      expect(statement.node.reportedBy.edges).toEqual([
        { node: { id: 'afp-report-ushakov', publisher: { edges: [{ node: { name: 'Agence France-Presse' } }] } } },
      ]);
    }
    expect(putin.meetings.edges).toEqual([
      { status: 'planned', node: { id: 'meeting-trump-putin', status: 'AGREED', venueStatus: 'SELECTED_UNDISCLOSED' } },
      { status: 'proposed', node: { id: 'meeting-trump-putin-zelensky', status: 'PROPOSED', venueStatus: 'UNKNOWN' } },
    ]);
    expect(putin.envoys.totalCount).toBe(0);
    expect(putin.relations.totalCount).toBeGreaterThanOrEqual(4);
  });

  it('shows a figure with its unit and attribution, and a source with its publisher and citations', async () => {
    const { body } = await t.post(`{
      figure: entity(id: "figure-civilian-deaths") { ... on Figure { measure lowerBound unit qualifier approximate attributedTo { edges { node { id } } } measures { edges { node { id } } } } }
      afp: entity(id: "afp-report-ushakov") { ... on Source { kind publisher { edges { node { id } } } cites { edges { role node { id } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.figure).toEqual({
      measure: 'deaths',
      lowerBound: 12000,
      unit: 'people',
      qualifier: 'over',
      // "over 12,000" is a bound the article states without a hedge: not approximate.
      approximate: null,
      attributedTo: { edges: [{ node: { id: 'united-nations' } }] },
      measures: { edges: [{ node: { id: 'attacks-on-ukrainian-cities' } }] },
    });
    expect(body.data!.afp).toEqual({
      kind: 'news agency report',
      publisher: { edges: [{ node: { id: 'afp' } }] },
      cites: { edges: [{ role: 'via', node: { id: 'tass-report-ushakov' } }] },
    });
  });

  describe('search', () => {
    const search = async (text: string, extra = '') => {
      const { body } = await t.post(`query($text: String!) { search(text: $text${extra}) { score entity { __typename id } } }`, { text });
      return body;
    };

    it('finds Witkoff from a misspelling, the Kremlin, and Ushakov', async () => {
      const witkof = await search('Witkof');
      expect(witkof.errors).toBeUndefined();
      expect(witkof.data!.search[0].entity).toEqual({ __typename: 'Person', id: 'steve-witkoff' });
      const kremlin = await search('kremlin');
      expect(kremlin.data!.search.slice(0, 3).map((h: any) => h.entity.id)).toContain('kremlin');
      const ushakov = await search('Ushakov', ', types: [PERSON]');
      expect(ushakov.data!.search).toHaveLength(1);
      expect(ushakov.data!.search[0].entity.id).toBe('yuri-ushakov');
      expect(ushakov.data!.search[0].score).toBeGreaterThan(0);
      const scores = (await search('Putin Trump meeting')).data!.search.map((h: any) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('takes hostile text as plain words: no error, ever', async () => {
      const hostile = [
        '"',
        ':',
        '*',
        '(',
        ')',
        '[',
        ']',
        '{',
        '}',
        'AND',
        'OR',
        'NOT',
        '\\',
        '\\\\',
        'a:b OR c~',
        '"unclosed',
        'name:Putin',
        'Putin~2^9',
        '/regex/',
        '+-&&||!',
        '*kremlin*',
        'x'.repeat(1000),
        'a '.repeat(500),
      ];
      for (const text of hostile) {
        const body = await search(text);
        expect({ text, errors: body.errors }).toEqual({ text, errors: undefined });
        expect(Array.isArray(body.data!.search)).toBe(true);
      }
      // Syntax characters are separators: the words around them still match.
      expect((await search('name:Putin')).data!.search.map((h: any) => h.entity.id)).toContain('vladimir-putin');
      expect((await search('"Ushakov')).data!.search[0].entity.id).toBe('yuri-ushakov');
      // Punctuation only: nothing to search for.
      expect((await search('*')).data!.search).toEqual([]);
    });

    it('refuses empty text and a page beyond the maximum with BAD_USER_INPUT', async () => {
      for (const text of ['', '   ']) {
        const body = await search(text);
        expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
      }
      const tooMany = await search('kremlin', ', first: 101');
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first', value: 101 });
    });
  });
});
