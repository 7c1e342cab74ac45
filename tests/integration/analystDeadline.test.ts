import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';

/** Analyst transactions still known to the server: the sandbox tags each with app 'diplograph' and a requestId. */
const LIVE_ANALYST_TRANSACTIONS = `
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.requestId STARTS WITH $prefix
RETURN count(*) AS live`;

/**
 * The analyst deadline end to end: at timeoutMs the request answers
 * TIMEOUT, its transaction is ended on the server, its connection is not
 * reused and its concurrency slot is free again; computations the server
 * could not stop are refused before they start.
 */
describe('analyst deadlines', () => {
  let t: TestApp;
  const prefix = `deadline-${process.pid}-`;
  let n = 0;
  const asAnalyst = (query: string, extra: Record<string, unknown> = {}) =>
    t.post(CYPHER, { query, ...extra }, { ...bearer(KEYS.analyst), 'x-request-id': `${prefix}${(n += 1)}` });
  const live = async () => (await t.db.read<{ live: number }>('liveAnalystTransactions', LIVE_ANALYST_TRANSACTIONS, { prefix }))[0].live;

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, CYPHER_MAX_CONCURRENT: '2', CYPHER_MAX_QUEUED: '0' });
  });
  afterAll(async () => {
    await t.close();
  });

  // Shapes the server computes for minutes; the first would run for about 100 s and the others far longer.
  const LONG = [
    'UNWIND range(1, 10000000000) AS x RETURN sum(x) AS s',
    'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n',
    'MATCH (a), (b), (c), (d), (e) WHERE id(a) + id(b) + id(c) + id(d) + id(e) >= 0 RETURN count(*) AS n',
  ];

  it('answers ten long computations in a row with TIMEOUT at timeoutMs, ends them on the server, and frees the slots', async () => {
    const timeoutMs = 1_500;
    for (let i = 0; i < 10; i += 1) {
      const started = Date.now();
      const { status, body } = await asAnalyst(LONG[i % LONG.length], { timeoutMs });
      const took = Date.now() - started;
      expect(status).toBe(200);
      expect(body.errors?.[0].extensions?.code).toBe('TIMEOUT');
      expect(took).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(took).toBeLessThan(timeoutMs + 2_000);
    }
    // Terminated transactions leave the server's list once their thread notices; give a loaded machine time.
    const until = Date.now() + 20_000;
    while ((await live()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await live()).toBe(0);
    const started = Date.now();
    const { body } = await asAnalyst('RETURN 1 AS one');
    expect(body.errors).toBeUndefined();
    expect(body.data?.cypher.rows).toEqual([{ one: 1 }]);
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 120_000);

  it.each([
    ["RETURN reduce(s = '', x IN range(1, 100000000) | s + 'x') AS s"],
    ['RETURN reduce(n = 0, x IN range(1, 10000000000) | n + x) AS n'],
    ['RETURN size([x IN range(1, 300000000) | x]) AS n'],
    ['RETURN [a IN range(1, 1000) | size([b IN range(1, 1000) | b])] AS n'],
    ['RETURN any(x IN range(1, toInteger($n)) WHERE x < 0) AS found'],
  ])('refuses a computation the server cannot stop, before it starts: %s', async (query) => {
    const started = Date.now();
    const { body } = await asAnalyst(query, { params: { n: 10_000_000_000 } });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', refused: 'range' });
    expect(body.errors?.[0].message).toMatch(/range\(\)/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('lets small ranges in expressions, parameters within the limit and sized ranges through', async () => {
    const { body } = await asAnalyst(
      'WITH [10, 20, 30] AS l RETURN reduce(n = 0, x IN range(1, $n) | n + x) AS total, [i IN range(0, size(l) - 1) | l[i] + i] AS shifted',
      { params: { n: 100 } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.cypher.rows).toEqual([{ total: 5050, shifted: [10, 21, 32] }]);
  });
});
