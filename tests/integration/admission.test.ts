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

  it('gives a client back the budget of a request refused for want of a turn', async () => {
    const lookup = async () => {
      const answer = await post(t.url, '{ entity(id: "no-such-entity") { id } }', {}, bearer(KEYS.reader));
      expect(answer.status).toBe(200);
      return Number(answer.headers.get('ratelimit-remaining'));
    };
    const [first, second] = [await lookup(), await lookup()];
    const lookupCost = first - second;
    expect(lookupCost).toBeGreaterThan(0);
    const holder = post(t.url, CYPHER, { query: SLOW_CYPHER, timeoutMs: 20_000 }, { ...bearer(KEYS.analyst), 'x-request-id': 'admission-refund-holder' });
    try {
      await until(async () => (await running(t, 'requestId', 'admission-refund-holder')) > 0);
      for (let i = 0; i < 3; i += 1) {
        const refused = await post(t.url, 'query($t: String!) { search(text: $t) { score } }', { t: 'witkoff' }, bearer(KEYS.reader));
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0].extensions?.reason).toBe('ADMISSION_QUEUE_FULL');
        expect(Number(refused.headers.get('ratelimit-remaining'))).toBe(second);
      }
    } finally {
      await holder;
    }
    expect(await lookup()).toBe(second - lookupCost);
  }, 60_000);

  it('refuses an operation over the estimate before any Neo4j work, naming the costly part', async () => {
    const query = `query($id: ID!, $n: NonNegativeInt) { entity(id: $id) {
      relations(first: $n) { edges { node { relations(first: $n) { edges { node {
        relations(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } } } } } } } } }`;
    const refused = await post(t.url, query, { id: 'any', n: 100 }, { 'x-request-id': 'admission-costly' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'QUERY_MAX_ROWS', max: 500_000 });
    expect(refused.body.errors?.[0].message).toContain('"entity.relations.edges.node.relations.edges.node.relations.edges"');
    // The same operation with other variables is estimated for them (estimates are kept per operation and variables).
    const small = await post(t.url, query, { id: 'any', n: 2 });
    expect(small.status).toBe(200);
    expect(small.body.data).toEqual({ entity: null });
    expect((await post(t.url, query, { id: 'any', n: 100 })).body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await post(t.url, query, { id: 'other', n: 2 })).status).toBe(200);
  });
});

describe('per-client budgets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, RATE_LIMIT_READER: '100', RATE_LIMIT_WINDOW_S: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a client over its window budget with 429 and RateLimit headers, while another client is served', async () => {
    const wide = '{ persons(first: 60) { edges { node { id } } } }'; // costs 61
    const first = await post(t.url, wide, {}, bearer(KEYS.reader));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('100');
    expect(first.headers.get('ratelimit-remaining')).toBe('39');
    expect(first.headers.get('ratelimit-policy')).toBe('100;w=60');

    const over = await post(t.url, wide, {}, bearer(KEYS.reader));
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', cost: 61 });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(over.headers.get('ratelimit-remaining')).toBe('39');

    // Another client (an anonymous reader, counted by address) has its own window.
    const other = await post(t.url, wide);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('39');
    // A refused request is not charged: the first client may still spend what it has left.
    const small = await post(t.url, '{ persons(first: 10) { edges { node { id } } } }', {}, bearer(KEYS.reader));
    expect(small.status).toBe(200);
    expect(small.headers.get('ratelimit-remaining')).toBe('28');
  });
});

describe('one deadline per request, cancellation and the response cap', () => {
  let t: TestApp;
  const PREFIX = 'admission-size-';
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, REQUEST_TIMEOUT_MS: '1500', RESPONSE_MAX_BYTES: '2000' });
    await t.db.write(
      'createSizeData',
      `UNWIND range(1, 40) AS i
       CREATE (:Entity:Person {id: $prefix + i, name: 'Admission size person ' + i, aliases: [], description: $text})`,
      { prefix: PREFIX, text: 'x'.repeat(200) },
    );
  });
  afterAll(async () => {
    await t.db.write('deleteSizeData', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  it('ends the transactions of a client that disconnects mid-request', async () => {
    const controller = new AbortController();
    const request = post(
      t.url,
      CYPHER,
      { query: SLOW_CYPHER, timeoutMs: 20_000 },
      { ...bearer(KEYS.analyst), 'x-request-id': 'admission-gone' },
      controller.signal,
    );
    request.catch(() => {});
    await until(async () => (await running(t, 'requestId', 'admission-gone')) > 0);
    controller.abort();
    const stopped = performance.now();
    await until(async () => (await running(t, 'requestId', 'admission-gone')) === 0, 5_000);
    // Well before the statement would have finished or its own 20 s timeout.
    expect(performance.now() - stopped).toBeLessThan(5_000);
  }, 60_000);

  it("stops all of a request's database work at REQUEST_TIMEOUT_MS and ends its transactions", async () => {
    const started = performance.now();
    const late = await post(t.url, CYPHER, { query: SLOW_CYPHER, timeoutMs: 20_000 }, { ...bearer(KEYS.analyst), 'x-request-id': 'admission-late' });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(late.body.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(late.body.data).toBeNull();
    await until(async () => (await running(t, 'requestId', 'admission-late')) === 0, 5_000);
  }, 60_000);

  it('refuses a response over RESPONSE_MAX_BYTES with RESPONSE_TOO_LARGE and no partial data', async () => {
    const big = await post(
      t.url,
      `{ persons(first: 40, where: { name: { startsWith: "Admission size person" } }) { edges { node { id name description } } } }`,
    );
    expect(big.body.data).toBeNull();
    expect(big.body.errors).toHaveLength(1);
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 2000 });
    const small = await post(t.url, `{ persons(first: 2, where: { name: { startsWith: "Admission size person" } }) { edges { node { id } } } }`);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.persons.edges).toHaveLength(2);
  });
});

describe('requests in flight per client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, ADMISSION_CLIENT_MAX_IN_FLIGHT: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses a client's request beyond its in-flight limit at once, and serves another client meanwhile", async () => {
    const holder = post(t.url, CYPHER, { query: SLOW_CYPHER, timeoutMs: 20_000 }, { ...bearer(KEYS.analyst), 'x-request-id': 'admission-inflight' });
    try {
      await until(async () => (await running(t, 'requestId', 'admission-inflight')) > 0);
      const refused = await post(t.url, '{ viewer { role } }', {}, bearer(KEYS.analyst));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'CLIENT_CONCURRENCY' });
      const other = await post(t.url, '{ viewer { role } }', {}, bearer(KEYS.reader));
      expect(other.status).toBe(200);
      expect(other.body.data).toEqual({ viewer: { role: 'READER' } });
    } finally {
      await holder;
    }
  }, 60_000);
});
