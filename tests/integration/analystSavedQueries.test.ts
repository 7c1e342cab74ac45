import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, KEYS } from './analystTestKeys';

const LIST = '{ savedQueries { name description public cypher parameters { name type items required default description } } }';
const RUN = `query Run($name: String!, $params: JSON, $limit: Int) {
  runSavedQuery(name: $name, params: $params, limit: $limit) { columns rows truncated summary { queryType rowCount } }
}`;

describe('saved queries on the seeded graph', () => {
  let t: TestApp;
  const run = (name: string, params?: unknown, headers: Record<string, string> = {}, limit?: number) => t.post(RUN, { name, params, limit }, headers);

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('listing, by role', () => {
    it('readers see only the public ones', async () => {
      for (const headers of [{}, bearer(KEYS.reader)]) {
        const { body } = await t.post(LIST, undefined, headers);
        const names = body.data?.savedQueries.map((q: { name: string }) => q.name);
        expect(names).toEqual(expect.arrayContaining(['who-proposed-what', 'statements-by-person', 'entity-evidence', 'graph-overview']));
        expect(names).not.toContain('relations-without-evidence');
        expect(body.data?.savedQueries.every((q: { public: boolean }) => q.public)).toBe(true);
      }
    });
    it('analysts and admins see all of them, with their declarations', async () => {
      for (const key of [KEYS.analyst, KEYS.admin]) {
        const { body } = await t.post(LIST, undefined, bearer(key));
        const byName = new Map(body.data?.savedQueries.map((q: { name: string }) => [q.name, q]));
        expect(byName.has('relations-without-evidence')).toBe(true);
        expect(byName.get('entity-evidence')).toMatchObject({
          public: true,
          parameters: [
            { name: 'id', type: 'STRING', items: null, required: true, default: null, description: expect.any(String) },
            { name: 'types', type: 'LIST', items: 'STRING', required: false, default: null, description: expect.any(String) },
          ],
        });
      }
    });
    it('a bad key is refused before listing', async () => {
      const { status, body } = await t.post(LIST, undefined, bearer(KEYS.unknown));
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('running, by role', () => {
    it('readers run public queries', async () => {
      const { body } = await run('graph-overview', undefined, bearer(KEYS.reader));
      expect(body.errors).toBeUndefined();
      expect(body.data?.runSavedQuery.rows).toContainEqual({ kind: 'label', name: 'Person', count: expect.any(Number) });
    });
    it('readers may not run the others, and learn nothing of them: NOT_FOUND, as for an unknown name', async () => {
      for (const headers of [{}, bearer(KEYS.reader)]) {
        const { body } = await run('relations-without-evidence', undefined, headers);
        const unknown = await run('no-such-query-at-all', undefined, headers);
        expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'name' });
        expect(body.errors?.[0].message).toBe(unknown.body.errors?.[0].message.replace('no-such-query-at-all', 'relations-without-evidence'));
      }
    });
    it('analysts and admins run them; the seed has no relationship without evidence', async () => {
      for (const key of [KEYS.analyst, KEYS.admin]) {
        const { body } = await run('relations-without-evidence', undefined, bearer(key));
        expect(body.errors).toBeUndefined();
        expect(body.data?.runSavedQuery).toMatchObject({ rows: [], truncated: false, summary: { queryType: 'r' } });
      }
    });
    it('a bad key is refused before running, even a public query', async () => {
      const { status, body } = await run('graph-overview', undefined, bearer(KEYS.unknown));
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
    it('an unknown name: NOT_FOUND naming it', async () => {
      const { body } = await run('no-such-query', undefined, bearer(KEYS.analyst));
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'name' });
      expect(body.errors?.[0].message).toContain('no-such-query');
    });
  });

  describe('parameters are checked against their declarations', () => {
    it.each([
      ['an unknown parameter', 'statements-by-person', { speaker: 'yuri-ushakov', who: 'x' }, 'who'],
      ['a missing required parameter', 'statements-by-person', {}, 'speaker'],
      ['a string given a number', 'statements-by-person', { speaker: 42 }, 'speaker'],
      ['a list given a string', 'entity-evidence', { id: 'kremlin', types: 'SAID' }, 'types'],
      ['a list item of the wrong type', 'entity-evidence', { id: 'kremlin', types: ['SAID', 1] }, 'types'],
    ])('%s: BAD_USER_INPUT naming the parameter', async (_name, query, params, parameter) => {
      const { body } = await run(query, params);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter });
      expect(body.errors?.[0].message).toContain(`"${parameter}"`);
    });
    it('params that are not an object: BAD_USER_INPUT', async () => {
      const { body } = await run('graph-overview', ['x']);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'params' });
    });
  });

  describe('answers', () => {
    it('who-proposed-what: Witkoff proposed the three-way meeting to Russia, which left it without comment', async () => {
      const { body } = await run('who-proposed-what', { proposer: 'steve-witkoff' });
      expect(body.errors).toBeUndefined();
      const row = body.data?.runSavedQuery.rows.find((r: { proposalId: string }) => r.proposalId === 'proposal-three-way-meeting');
      expect(row).toMatchObject({ proposerId: 'steve-witkoff', status: 'unanswered', sources: expect.arrayContaining(['article-trump-putin-summit']) });
      expect(row.addressees.map((a: { id: string }) => a.id)).toContain('russia');
      expect(row.concerns.map((c: { id: string }) => c.id)).toContain('meeting-trump-putin-zelensky');
      expect(row.responses).toContainEqual(expect.objectContaining({ response: 'declined to comment', sources: expect.any(Array) }));
      const all = await run('who-proposed-what');
      expect(all.body.data?.runSavedQuery.rows.length).toBeGreaterThanOrEqual(body.data?.runSavedQuery.rows.length);
    });
    it('statements-by-person: what Ushakov said, reported by AFP citing TASS', async () => {
      const { body } = await run('statements-by-person', { speaker: 'yuri-ushakov' });
      expect(body.errors).toBeUndefined();
      const rows = body.data?.runSavedQuery.rows;
      expect(rows.length).toBeGreaterThan(0);
      const quoted = rows.find((r: { text: string }) => /without comment/.test(r.text));
      expect(quoted.about).toContain('proposal-three-way-meeting');
      expect(quoted.reportedBy).toContainEqual(
        expect.objectContaining({ source: 'afp-report-ushakov', cites: expect.arrayContaining([expect.arrayContaining(['tass-report-ushakov'])]) }),
      );
    });
    it('entity-evidence: relations of an entity with their sources, filtered by type', async () => {
      const all = await run('entity-evidence', { id: 'steve-witkoff' });
      expect(all.body.errors).toBeUndefined();
      const rows = all.body.data?.runSavedQuery.rows;
      expect(rows.every((r: { sources: unknown[] }) => r.sources.length > 0)).toBe(true);
      expect(rows).toContainEqual(expect.objectContaining({ relation: 'PROPOSED', direction: 'out', otherId: 'proposal-three-way-meeting' }));
      const proposed = await run('entity-evidence', { id: 'steve-witkoff', types: ['PROPOSED'] });
      const relations = new Set(proposed.body.data?.runSavedQuery.rows.map((r: { relation: string }) => r.relation));
      expect([...relations]).toEqual(['PROPOSED']);
    });
    it('respects the row limit', async () => {
      const { body } = await run('entity-evidence', { id: 'steve-witkoff' }, {}, 1);
      expect(body.data?.runSavedQuery.rows).toHaveLength(1);
      expect(body.data?.runSavedQuery.truncated).toBe(true);
    });
  });
});
