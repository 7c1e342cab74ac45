import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';

const PREFIX = 'analyst-limits-test';

describe('analyst limits: timeout, row cap, concurrency', () => {
  let t: TestApp;
  const asAnalyst = (query: string, extra: Record<string, unknown> = {}) => t.post(CYPHER, { query, ...extra }, bearer(KEYS.analyst));

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, CYPHER_MAX_CONCURRENT: '2', CYPHER_MAX_QUEUED: '1', CYPHER_TIMEOUT_MS: '2000' });
    // A dense graph of this file's own: 40 nodes, each linked to the next 6, so
    // unbounded variable-length paths over it are astronomically many.
    await t.db.write(
      'analystDenseFixture',
      `UNWIND range(0, 39) AS i CREATE (:AnalystDense {id: $prefix + '-' + i, i: i})
       WITH count(*) AS created
       MATCH (a:AnalystDense), (b:AnalystDense) WHERE a.i < b.i AND b.i - a.i <= 6 AND a.id STARTS WITH $prefix
       CREATE (a)-[:DENSE]->(b)`,
      { prefix: PREFIX },
    );
  });
  afterAll(async () => {
    await t.db.write('analystDenseCleanup', 'MATCH (n:AnalystDense) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  it('stops an unbounded variable-length path count with TIMEOUT', async () => {
    const started = Date.now();
    const { status, body } = await asAnalyst('MATCH p = (a:AnalystDense)-[:DENSE*]->(b) RETURN count(p) AS paths', { timeoutMs: 1500 });
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).toBe('TIMEOUT');
    expect(body.errors?.[0].message).toMatch(/time limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops a cartesian product over the whole graph at the row cap, streaming', async () => {
    const started = Date.now();
    const { body } = await asAnalyst('MATCH (a), (b), (c) RETURN id(a) AS a, id(b) AS b, id(c) AS c', { limit: 500 });
    expect(body.errors).toBeUndefined();
    expect(body.data?.cypher.rows).toHaveLength(500);
    expect(body.data?.cypher.truncated).toBe(true);
    expect(body.data?.cypher.summary.notifications.map((n: { code: string }) => n.code)).toContain('Neo.ClientNotification.Statement.CartesianProduct');
    // Millions of rows exist; only about the cap's worth was produced.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('maps the transaction memory limit (db.memory.transaction.max) to RESOURCE_LIMIT', async () => {
    const { body } = await asAnalyst('UNWIND range(1, 20000000) AS i RETURN size(collect(toString(i))) AS n', { timeoutMs: 30_000 });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'RESOURCE_LIMIT', neo4jCode: expect.stringMatching(/MemoryPoolOutOfMemoryError/) });
  });

  it('uses the configured default timeout when none is given', async () => {
    const { body } = await asAnalyst('MATCH p = (a:AnalystDense)-[:DENSE*]->(b) RETURN count(p) AS paths');
    expect(body.errors?.[0].extensions?.code).toBe('TIMEOUT');
  });

  it('keeps the typed API answering while heavy analyst queries run, and refuses the burst beyond the queue', async () => {
    const heavy = 'MATCH p = (a:AnalystDense)-[:DENSE*]->(b) RETURN count(p) AS paths';
    const burst = Array.from({ length: 5 }, () => asAnalyst(heavy, { timeoutMs: 3000 }));
    // Let the burst reach the server before asking the typed API.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const info = await t.post('{ serverInfo { neo4jVersion } }');
    const infoMs = Date.now() - started;
    expect(info.body.errors).toBeUndefined();
    expect(info.body.data?.serverInfo.neo4jVersion).toMatch(/^5\./);
    expect(infoMs).toBeLessThan(2_500);

    const responses = await Promise.all(burst);
    const codes = responses.map((r) => r.body.errors?.[0].extensions?.code);
    for (const turnedAway of responses.filter((r) => r.body.errors?.[0].extensions?.code === 'TOO_MANY_REQUESTS')) {
      expect(turnedAway.status).toBe(429);
    }
    // Two run, one waits (then runs), the other two are turned away at once.
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(2);
    expect(codes.filter((c) => c === 'TIMEOUT')).toHaveLength(3);
  });

  it('answers again once the burst is over', async () => {
    const { body } = await asAnalyst('RETURN 1 AS one');
    expect(body.data?.cypher.rows).toEqual([{ one: 1 }]);
  });
});
