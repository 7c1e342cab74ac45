import type { Db } from '../../src/db';
import { loadSeedDocuments } from '../../src/ingest';
import { startTestApp, type TestApp } from '../harness/testApp';
import { cleanSeedFixtures } from '../harness/cleanSeedFixtures';
import { openTestDb } from '../harness/testDb';

const ARTICLE_QUOTE =
  'A meeting between U.S. President Donald Trump and Russian President Vladimir Putin has been agreed upon, according to a report by the Associated Press (AP), which cited the Kremlin on Thursday.';

/** Provenance per property (claims), reports at the first level, and references that are not ids. */
describe('provenance and findability', () => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await startTestApp();
    db = await openTestDb();
  });
  afterAll(async () => {
    await cleanSeedFixtures(db, 'fixture-claims-');
    await db.write('restoreStatus', "MATCH (m:Meeting {id: 'meeting-trump-putin'}) SET m.status = 'agreed'");
    await db.close();
    await t.close();
  });

  it('says which source asserts the meeting status, with its quote', async () => {
    const { body } = await t.post(
      `{ entity(id: "meeting-trump-putin") { ... on Meeting { status claims(property: "status") { value quote editorial source { id kind } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const meeting = body.data!.entity;
    expect(meeting.status).toBe('AGREED');
    expect(meeting.claims).toEqual([
      { value: 'agreed', quote: ARTICLE_QUOTE, editorial: false, source: { id: 'article-trump-putin-summit', kind: 'news article' } },
      { value: 'agreed', quote: ARTICLE_QUOTE, editorial: false, source: { id: 'ap-report-kremlin-summit', kind: 'news agency report' } },
    ]);
  });

  it('tells background knowledge from the article: editorial claims name the editorial reference source', async () => {
    const { body } = await t.post(`{
      russia: entity(id: "russia") { claims(property: "aliases") { value editorial source { id } } }
      ap: entity(id: "associated-press") { claims(property: "description") { value editorial source { id } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.russia.claims).toEqual([
      { value: 'Russian Federation', editorial: true, source: { id: 'editorial-reference' } },
      { value: 'the Russian side', editorial: false, source: { id: 'article-trump-putin-summit' } },
    ]);
    expect(body.data!.ap.claims).toEqual([{ value: 'A news agency based in the United States.', editorial: true, source: { id: 'editorial-reference' } }]);
  });

  it('shows who reported the agreed meeting, citing whom, at the first level', async () => {
    const { body } = await t.post(`{ entity(id: "meeting-trump-putin") { ... on Meeting {
      reportedBy { edges { node { id } } }
      reports { source { id } publishedBy { id } cites { id } statement { id } }
    } } }`);
    expect(body.errors).toBeUndefined();
    const meeting = body.data!.entity;
    expect(meeting.reportedBy.edges).toEqual([{ node: { id: 'ap-report-kremlin-summit' } }]);
    expect(meeting.reports[0]).toEqual({
      source: { id: 'ap-report-kremlin-summit' },
      publishedBy: [{ id: 'associated-press' }],
      cites: [{ id: 'kremlin' }],
      statement: null,
    });
    expect(meeting.reports).toContainEqual({
      source: { id: 'ap-report-kremlin-summit' },
      publishedBy: [{ id: 'associated-press' }],
      cites: [{ id: 'kremlin' }],
      statement: { id: 'statement-kremlin-meeting-agreed' },
    });
  });

  it('keeps both values when two sources disagree', async () => {
    const text = `format: diplograph-seed/1
document: { id: fixture-claims-doc }
defaults: { sources: [fixture-claims-source] }
entities:
  - { id: fixture-claims-source, type: Source, name: Fixture later report }
  - { id: meeting-trump-putin, type: Meeting, name: Trump–Putin summit, status: held, evidence: [{ property: status, quote: the two leaders met }] }
`;
    await loadSeedDocuments(db, [{ file: 'claims.yaml', text }]);
    const { body } = await t.post(
      `{ entity(id: "meeting-trump-putin") { ... on Meeting { status claims(property: "status") { value quote source { id } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.entity.status).toBe('HELD');
    expect(body.data!.entity.claims).toEqual(
      expect.arrayContaining([
        { value: 'agreed', quote: ARTICLE_QUOTE, source: { id: 'article-trump-putin-summit' } },
        { value: 'held', quote: 'the two leaders met', source: { id: 'fixture-claims-source' } },
      ]),
    );
  });

  it('resolves a name, an alias or a former id given to entity(id:) to the canonical entity', async () => {
    const { body } = await t.post(`{
      alias: entity(id: "witkoff") { id }
      words: entity(id: "Trump-Putin summit") { id }
      none: entity(id: "nobody-at-all") { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ alias: { id: 'steve-witkoff' }, words: { id: 'meeting-trump-putin' }, none: null });
  });

  it('finds names across hyphen and en dash, and free-text filters ignore case', async () => {
    const { body } = await t.post(`{
      meetings(where: { name: { contains: "Trump-Putin summit" } }) { edges { node { id } } }
      figures(where: { measure: ["Deaths"] }) { totalCount }
      events(where: { kind: ["Invasion"] }) { edges { node { id } } }
      search(text: "Trump-Putin summit", first: 1) { entity { id } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.meetings.edges).toEqual([{ node: { id: 'meeting-trump-putin' } }]);
    expect(body.data!.figures.totalCount).toBe(2);
    expect(body.data!.events.edges).toEqual([{ node: { id: 'russian-invasion-of-ukraine' } }]);
    expect(body.data!.search).toEqual([{ entity: { id: 'meeting-trump-putin' } }]);
  });

  it('lists the values of free-text filters and selects assertions by their evidence', async () => {
    const { body } = await t.post(`{
      values(type: FIGURE, property: MEASURE) { value count }
      unconfirmed: assertions(where: { confidenceBelow: 1 }) { type from { id } to { id } evidence { confidence } }
      afp: assertions(where: { source: "afp-report-ushakov" }, first: 50) { type from { id } to { id } }
      thursday: assertions(where: { dateText: "thursday", dateFrom: "2025-01-01" }) { type from { id } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.values).toEqual([
      { value: 'deaths', count: 2 },
      { value: 'length', count: 1 },
    ]);
    expect(body.data!.unconfirmed.map((a: { from: { id: string } }) => a.from.id).sort()).toEqual([
      'donald-trump',
      'vladimir-putin',
      'volodymyr-zelensky',
    ]);
    expect(
      body.data!.unconfirmed.every(
        (a: { type: string; evidence: Array<{ confidence: number }> }) => a.type === 'PARTICIPANT_IN' && a.evidence[0].confidence === 0.5,
      ),
    ).toBe(true);
    expect(body.data!.afp).toContainEqual({ type: 'DECLINED_TO_COMMENT', from: { id: 'russia' }, to: { id: 'proposal-three-way-meeting' } });
    expect(body.data!.afp).toContainEqual({ type: 'SAID', from: { id: 'yuri-ushakov' }, to: { id: 'statement-ushakov-not-discussed' } });
    expect(body.data!.thursday.map((a: { type: string }) => a.type).sort()).toEqual(['CITES', 'REPORTED_BY', 'REPORTED_BY', 'SAID']);

    const bad = await t.post('{ assertions(where: { confidenceBelow: 2 }) { type } }');
    expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
