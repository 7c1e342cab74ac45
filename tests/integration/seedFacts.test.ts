import type { Db } from '../../src/db';
import { openTestDb } from '../harness/testDb';

/**
 * The seeded article graph (globalSetup loads seed/documents) answers the
 * article's facts through plain Cypher, each with its evidence.
 */
describe('the seeded article graph', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  const one = async <T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}) => {
    const rows = await db.read<T>('test', query, params);
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it('knows who proposed the three-way meeting, to whom, and for what', async () => {
    const row = await one(`
      MATCH (who:Person)-[p:PROPOSED]->(proposal:Proposal)-[:CONCERNS]->(meeting:Meeting)
      MATCH (proposal)-[:PROPOSED_TO]->(to)
      MATCH (proposal)-[:AIMS_TO_HALT]->(war:Event)
      MATCH (participant)-[:PARTICIPANT_IN]->(meeting)
      RETURN who.id AS who, proposal.status AS status, proposal.purpose AS purpose, to.id AS to, war.id AS war,
             meeting.id AS meeting, meeting.status AS meetingStatus, p.quote AS quote, p.sources AS sources,
             collect(participant.id) AS participants`);
    expect(row).toMatchObject({
      who: 'steve-witkoff',
      status: 'unanswered',
      to: 'russia',
      war: 'war-in-ukraine',
      meeting: 'meeting-trump-putin-zelensky',
      meetingStatus: 'proposed',
      quote: 'This option was simply mentioned by the American representative (Steve Witkoff) during the meeting in the Kremlin',
    });
    expect(row.purpose).toMatch(/halting the ongoing conflict/);
    expect(row.sources).toEqual(['article-trump-putin-summit']);
    expect([...(row.participants as string[])].sort()).toEqual(['donald-trump', 'vladimir-putin', 'volodymyr-zelensky']);
  });

  it('knows who left the proposal without comment, in whose words', async () => {
    const rows = await db.read<{ who: string; quote: string | null; statement: string | null; sources: string[] }>(
      'test',
      `MATCH (who)-[d:DECLINED_TO_COMMENT]->(:Proposal {id: 'proposal-three-way-meeting'})
       RETURN who.id AS who, d.quote AS quote, d.statement AS statement, d.sources AS sources ORDER BY who`,
    );
    expect(rows.map((r) => r.who)).toEqual(['kremlin', 'russia']);
    const russia = rows[1];
    expect(russia.quote).toBe('The Russian side left this option completely without comment');
    expect(russia.statement).toBe('statement-ushakov-not-discussed');
    expect(russia.sources).toEqual(['article-trump-putin-summit', 'afp-report-ushakov']);
  });

  it("knows whose envoy Witkoff is, and Ushakov's role", async () => {
    const envoy = await one(`MATCH (:Person {id: 'steve-witkoff'})-[r:ENVOY_OF]->(p) RETURN p.id AS of, r.role AS role`);
    expect(envoy).toEqual({ of: 'donald-trump', role: 'special envoy' });
    const adviser = await one(`MATCH (:Person {id: 'yuri-ushakov'})-[r:ADVISER_TO]->(p) RETURN p.id AS to, r.role AS role`);
    expect(adviser).toEqual({ to: 'vladimir-putin', role: 'foreign affairs adviser' });
  });

  it('quotes Ushakov verbatim, through AFP via TASS', async () => {
    const rows = await db.read<{ quote: string; statementText: string; afp: string; tass: string; origin: string }>(
      'test',
      `MATCH (:Person {id: 'yuri-ushakov'})-[said:SAID]->(s:Statement)-[:REPORTED_BY]->(afpReport:Source)-[:PUBLISHED_BY]->(afp:Organization)
       MATCH (afpReport)-[:CITES]->(tassReport:Source)-[:PUBLISHED_BY]->(tass:Organization)
       MATCH (tassReport)-[:CITES]->(origin:Person)
       RETURN said.quote AS quote, s.text AS statementText, afp.id AS afp, tass.id AS tass, origin.id AS origin
       ORDER BY quote`,
    );
    expect(rows.map((r) => r.quote)).toEqual([
      'But this option was not specifically discussed. The Russian side left this option completely without comment',
      'The Russian side left this option completely without comment',
      'This option was simply mentioned by the American representative (Steve Witkoff) during the meeting in the Kremlin',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ afp: 'afp', tass: 'tass', origin: 'yuri-ushakov' });
      expect(row.statementText).toBe(row.quote);
    }
  });

  it('knows the agreement was reported by AP citing the Kremlin, on Thursday', async () => {
    const row = await one(`
      MATCH (k:Organization)-[said:SAID]->(s:Statement)-[:ABOUT]->(m:Meeting {id: 'meeting-trump-putin'})
      MATCH (s)-[:REPORTED_BY]->(report:Source)-[:PUBLISHED_BY]->(publisher)
      MATCH (report)-[:CITES]->(k)
      RETURN k.id AS speaker, publisher.id AS publisher, said.dateText AS dateText, said.datePrecision AS precision,
             toString(said.date) AS date`);
    expect(row).toEqual({ speaker: 'kremlin', publisher: 'associated-press', dateText: 'on Thursday', precision: 'year', date: '2025-01-01' });
  });

  it("knows each leader's office and country", async () => {
    const rows = await db.read<{ person: string; office: string; country: string }>(
      'test',
      `MATCH (p:Person)-[:HOLDS_OFFICE]->(o:Office)-[:OFFICE_OF]->(c:Country)
       RETURN p.id AS person, o.id AS office, c.id AS country ORDER BY person`,
    );
    expect(rows).toEqual([
      { person: 'donald-trump', office: 'president-of-the-united-states', country: 'united-states' },
      { person: 'vladimir-putin', office: 'president-of-russia', country: 'russia' },
      { person: 'volodymyr-zelensky', office: 'president-of-ukraine', country: 'ukraine' },
    ]);
    const term = await one(
      `MATCH (:Person {id: 'donald-trump'})-[h:HOLDS_OFFICE]->() RETURN h.term AS term, h.validFromPrecision AS precision, h.dateText AS dateText`,
    );
    expect(term).toEqual({ term: 2, precision: 'year', dateText: 'earlier this year' });
  });

  it('knows the status of each meeting', async () => {
    const rows = await db.read<{ id: string; status: string; venueStatus: string }>(
      'test',
      'MATCH (m:Meeting) RETURN m.id AS id, m.status AS status, m.venueStatus AS venueStatus ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'meeting-trump-putin', status: 'agreed', venueStatus: 'selected-undisclosed' },
      { id: 'meeting-trump-putin-zelensky', status: 'proposed', venueStatus: 'unknown' },
      { id: 'meeting-witkoff-kremlin', status: 'held', venueStatus: 'disclosed' },
    ]);
    const first = await one(`MATCH (:Meeting {id: 'meeting-trump-putin'})-[:FIRST_SINCE]->(e:Event) RETURN e.id AS since`);
    expect(first.since).toBe('trump-return-to-office');
  });

  it('holds the war figures with units, precision and attribution', async () => {
    const civilians = await one(`
      MATCH (f:Figure {id: 'figure-civilian-deaths'})-[:MEASURES]->(:Event)-[:PART_OF]->(war:Event)
      MATCH (f)-[a:ATTRIBUTED_TO]->(org)
      RETURN f.lowerBound AS lowerBound, f.value AS value, f.unit AS unit, f.qualifier AS qualifier, war.id AS war,
             org.id AS according, a.sources AS sources`);
    expect(civilians).toEqual({
      lowerBound: 12000,
      value: null,
      unit: 'people',
      qualifier: 'over',
      war: 'war-in-ukraine',
      according: 'united-nations',
      sources: ['article-trump-putin-summit'],
    });
    const front = await one(
      `MATCH (f:Figure)-[:MEASURES]->(:Place {id: 'front-line-ukraine'}) RETURN f.value AS km, f.unit AS unit, f.secondaryValue AS miles, f.secondaryUnit AS unit2`,
    );
    expect(front).toEqual({ km: 1000, unit: 'km', miles: 620, unit2: 'mi' });
    const soldiers = await one(
      `MATCH (f:Figure {id: 'figure-soldier-deaths'})-[:MEASURES]->(w:Event {id: 'war-in-ukraine'}) RETURN f.lowerBound AS lowerBound, f.value AS value, f.qualifier AS qualifier`,
    );
    expect(soldiers).toEqual({ lowerBound: 20000, value: null, qualifier: 'tens of thousands' });
    const invasion = await one(
      `MATCH (:Country {id: 'russia'})-[i:INVADED]->(:Country {id: 'ukraine'}) RETURN toString(i.date) AS date, i.datePrecision AS precision, i.dateText AS dateText`,
    );
    expect(invasion).toEqual({ date: '2022-02-01', precision: 'month', dateText: 'February 2022' });
  });

  it('gives every relationship non-empty sources that exist as Source nodes', async () => {
    const bad = await db.read(
      'test',
      `MATCH ()-[r]->()
       WHERE r.sources IS NULL OR size(r.sources) = 0
          OR any(s IN r.sources WHERE NOT EXISTS { MATCH (:Source {id: s}) })
       RETURN type(r) AS type, r.sources AS sources`,
    );
    expect(bad).toEqual([]);
    const [{ total }] = await db.read<{ total: number }>('test', 'MATCH ()-[r]->() RETURN count(r) AS total');
    expect(total).toBeGreaterThan(70);
  });

  it('carries the verbatim quote on every relationship that points at a quoted statement', async () => {
    const rows = await db.read<{ quote: string | null; text: string }>(
      'test',
      `MATCH ()-[r]->() WHERE r.statement IS NOT NULL
       MATCH (s:Statement {id: r.statement}) WHERE s.kind = 'quote'
       RETURN r.quote AS quote, s.text AS text`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(row.text).toContain(row.quote);
  });

  it('finds entities through the full-text index by alias', async () => {
    const rows = await db.read<{ id: string }>(
      'test',
      "CALL db.index.fulltext.queryNodes('entity_fulltext', $q) YIELD node RETURN node.id AS id LIMIT 3",
      { q: 'Witkoff' },
    );
    expect(rows[0].id).toBe('steve-witkoff');
  });
});
