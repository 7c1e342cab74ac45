import { startTestApp, type TestApp } from '../harness/testApp';

describe('the service on a real Neo4j', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the Neo4j version through GraphQL over HTTP', async () => {
    const { status, body } = await t.post('{ serverInfo { version neo4jVersion neo4jEdition database } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.serverInfo.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(body.data?.serverInfo.neo4jEdition).toBe('community');
    expect(body.data?.serverInfo.database).toBe('neo4j');
  });

  it('answers cross-origin requests only from the configured origins', async () => {
    const other = await startTestApp({ CORS_ORIGINS: 'http://localhost:5173' });
    try {
      const preflight = (origin: string, url: string) => fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      const allowed = await preflight('http://localhost:5173', other.url);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const refused = await preflight('http://localhost:9999', other.url);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const byDefault = await preflight('http://localhost:5173', t.url);
      expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('answers a body that is not JSON with a JSON error and a code, not a stack', async () => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toMatch(/node_modules|at .*:\d+/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const query = `{ serverInfo { version } } ${'#'.repeat(300_000)}`;
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(t.url.replace(/\/graphql$/, '/nope'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers /healthz and /readyz', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { neo4j: { version: string } }).neo4j.version).toMatch(/^5\.26\./);
  });

  it('exposes Prometheus metrics, including round-trips per request', async () => {
    await t.post('{ serverInfo { version } }');
    const metrics = await (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toContain('diplograph_neo4j_round_trips_per_request_count');
  });

  it('rejects a malformed query with a code and no stack trace', async () => {
    const { status, body } = await t.post('{ serverInfo { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('refuses an operation with more aliases than the configured limit', async () => {
    const aliases = Array.from({ length: t.config.limits.queryMaxAliases + 1 }, (_, i) => `a${i}: serverInfo { version }`);
    const { body } = await t.post(`{ ${aliases.join(' ')} }`);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].message).toMatch(/aliases/i);
  });
});
