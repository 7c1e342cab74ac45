import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, KEYS, bearer, CYPHER } from './analystTestKeys';

/** A read that keeps Neo4j busy for a few seconds: it holds the one expensive permit while the test looks. */
const SLOW_CYPHER = 'UNWIND range(1, 50000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n';

/** POSTs GraphQL and keeps the response headers, which TestApp.post drops. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

/** Transactions of this app still running on the server, by a metadata entry. */
async function running(t: TestApp, key: string, value: string): Promise<number> {
  const rows = await t.db.read<{ n: number }>(
    'testShowTransactions',
    'SHOW TRANSACTIONS YIELD metaData WHERE metaData[$key] = $value RETURN count(*) AS n',
    { key, value },
  );
  return rows[0].n;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('admission control', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, ADMISSION_MAX_CONCURRENT: '1', ADMISSION_MAX_QUEUED: '0', ADMISSION_EXPENSIVE_COST: '1000' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After at once when the expensive budget is full, and still serves a cheap lookup', async () => {
    const holder = post(t.url, CYPHER, { query: SLOW_CYPHER, timeoutMs: 20_000 }, { ...bearer(KEYS.analyst), 'x-request-id': 'admission-holder' });
    try {
      await until(async () => (await running(t, 'requestId', 'admission-holder')) > 0);
      const refused = await post(t.url, 'query($t: String!) { search(text: $t) { score } }', { t: 'witkoff' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ADMISSION_QUEUE_FULL', retryAfter: 1 });
      expect(refused.body.data).toBeUndefined();
      // Refused without waiting for the permit holder.
      expect(refused.ms).toBeLessThan(1_000);

      const cheap = await post(t.url, '{ entity(id: "no-such-entity") { id } }');
      expect(cheap.status).toBe(200);
      expect(cheap.body.errors).toBeUndefined();
      expect(cheap.body.data).toEqual({ entity: null });
    } finally {
      await holder;
    }
    // The permit came back with the response: the next expensive request is served.
    const after = await post(t.url, 'query($t: String!) { search(text: $t) { score } }', { t: 'witkoff' });
    expect(after.status).toBe(200);
  }, 60_000);

  it('refuses an operation over the estimate before any Neo4j work, naming the costly part', async () => {
    const query = `query($id: ID!, $n: Int) { entity(id: $id) {
      relations(first: $n) { edges { node { relations(first: $n) { edges { node {
        relations(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } } } } } } } } }`;
    const refused = await post(t.url, query, { id: 'any', n: 100 }, { 'x-request-id': 'admission-costly' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'QUERY_MAX_ROWS', max: 500_000 });
    expect(refused.body.errors?.[0].message).toContain('"entity.relations.edges.node.relations.edges.node.relations.edges"');
  });
});
