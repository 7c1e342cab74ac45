import Ajv from 'ajv';
import manifestSchema from '../fixtures/reconciliation/manifest.schema.json';
import resultBatchSchema from '../fixtures/reconciliation/reconciliation-result-batch.schema.json';
import { startTestApp, type TestApp } from '../harness/testApp';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validManifest = ajv.compile(manifestSchema);
const validResults = ajv.compile(resultBatchSchema);

/** The W3C Entity Reconciliation API (v0.2) at /reconcile, against the seeded graph. */
describe('reconciliation API', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = t.url.replace(/\/graphql$/, '/reconcile');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => fetch(`${base}${path}`);
  const post = (queries: unknown) =>
    fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ queries: JSON.stringify(queries) }),
    });

  it('serves a service manifest that validates against the v0.2 schema', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as any;
    expect(validManifest(manifest)).toBe(true);
    expect(manifest.versions).toContain('0.2');
    expect(manifest.defaultTypes).toContainEqual({ id: 'Person', name: 'Person' });
  });

  it('returns the right entity first with match: true for Witkof, V. Putin, Zelenskyy and Kremlin', async () => {
    const response = await post({
      q0: { query: 'Witkof' },
      q1: { query: 'V. Putin' },
      q2: { query: 'Zelenskyy', type: 'Person' },
      q3: { query: 'Kremlin' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(validResults(body)).toBe(true);
    const first = (key: string) => body[key].result[0];
    expect([first('q0'), first('q1'), first('q2'), first('q3')].map((c) => [c.id, c.match])).toEqual([
      ['steve-witkoff', true],
      ['vladimir-putin', true],
      ['volodymyr-zelensky', true],
      ['kremlin', true],
    ]);
    expect(first('q2').type).toEqual([{ id: 'Person', name: 'Person' }]);
    expect(first('q2').score).toBeGreaterThan(90);
  });

  it('does not match a namesake, and applies property constraints and GET queries the same way', async () => {
    const queries = { a: { query: 'Donald Putin', type: 'Person' }, b: { query: 'Russia', type: 'Country', properties: [{ pid: 'isoCode', v: 'UA' }] } };
    const response = await get(`?queries=${encodeURIComponent(JSON.stringify(queries))}`);
    const body = (await response.json()) as any;
    expect(validResults(body)).toBe(true);
    expect(body.a.result.every((c: { match: boolean }) => !c.match)).toBe(true);
    expect(body.b.result[0]).toMatchObject({ id: 'russia', match: false });
  });

  it('answers a preview card, and refuses bad input with a code', async () => {
    const preview = await get('/preview?id=vladimir-putin');
    expect(preview.headers.get('content-type')).toMatch(/text\/html/);
    expect(await preview.text()).toContain('Vladimir Putin');
    const missing = await get('/preview?id=nobody');
    expect(missing.status).toBe(404);
    const bad = await post({ q0: { query: 'Putin', type: 'Planet' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [{ message: expect.stringContaining('queries.q0.type: "Planet"'), extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const tooMany = await post(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`q${i}`, { query: 'x' }])));
    expect(tooMany.status).toBe(400);
    const unauthenticated = await fetch(base, { headers: { authorization: 'Bearer wrong' } });
    expect(unauthenticated.status).toBe(401);
  });
});
