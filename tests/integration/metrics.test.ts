import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type App } from '../../src/server';
import { openTestDb, testConfig } from '../harness/testDb';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';
import type { Db } from '../../src/db';

/** The value of one series in a Prometheus text exposition; undefined when the series is absent. */
function seriesValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Every value the label takes in the series of one metric. */
function labelValues(text: string, name: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const match = new RegExp(`${label}="([^"]*)"`).exec(line);
    if (match) values.add(match[1]);
  }
  return values;
}

describe('metrics, access log and request ids', () => {
  let app: App;
  let db: Db;
  let base: string;
  const logLines: Array<Record<string, any>> = [];

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    post(JSON.stringify({ query, variables }), headers);
  const scrape = async () => (await fetch(`${base}/metrics`)).text();

  beforeAll(async () => {
    const config = testConfig({ API_KEYS, LOG_LEVEL: 'info', METRICS_OPERATIONS: 'Configured', METRICS_MAX_OPERATIONS: '20' });
    db = await openTestDb(config);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApp({ config, db, logger: pino({ level: 'info' }, sink) });
    base = (await app.listen()).replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await app.stop();
    await db.close();
  });

  it('counts ok, 400, CSRF, 401 and analyst timeouts, each in its own series', async () => {
    expect((await gql('query Ok { serverInfo { version } }')).status).toBe(200);
    expect((await post('{ not json')).status).toBe(400);
    // A variable of the wrong type: refused before any resolver runs.
    await gql('query Typed($n: Int!) { __typename }', { n: 'not a number' });
    // A "simple" request a browser could send cross-site without a preflight: Apollo's CSRF check refuses it.
    const csrf = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(csrf.status).toBe(400);
    expect((await gql('{ __typename }', undefined, bearer(KEYS.unknown))).status).toBe(401);
    const timedOut = await gql(
      CYPHER,
      { query: 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n', timeoutMs: 300 },
      bearer(KEYS.analyst),
    );
    expect(((await timedOut.json()) as any).errors[0].extensions.code).toBe('TIMEOUT');
    const fine = await gql(CYPHER, { query: 'RETURN 1 AS one' }, bearer(KEYS.analyst));
    expect(((await fine.json()) as any).data.cypher.rows).toEqual([{ one: 1 }]);

    const text = await scrape();
    const http = (status: string) => seriesValue(text, 'diplograph_http_responses_total', { method: 'POST', route: '/graphql', status });
    expect(http('200')).toBeGreaterThanOrEqual(2);
    // Bad JSON, the CSRF refusal, the wrongly typed variable.
    expect(http('400')).toBe(3);
    expect(http('401')).toBe(1);

    const errors = (code: string) => seriesValue(text, 'diplograph_graphql_errors_total', { code });
    expect(errors('UNAUTHENTICATED')).toBe(1);
    // The code the client received for the wrongly typed variable, whatever it is, is counted under that code.
    expect(errors('GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(errors('TIMEOUT')).toBe(1);
    expect(labelValues(text, 'diplograph_graphql_errors_total', 'code').has('UNKNOWN')).toBe(false);

    expect(seriesValue(text, 'diplograph_analyst_queries_total', { kind: 'cypher', outcome: 'TIMEOUT' })).toBe(1);
    expect(seriesValue(text, 'diplograph_analyst_queries_total', { kind: 'cypher', outcome: 'ok' })).toBe(1);
    expect(seriesValue(text, 'diplograph_analyst_query_duration_seconds_count', { kind: 'cypher' })).toBe(2);
    expect(seriesValue(text, 'diplograph_analyst_queries_in_flight', { state: 'running' })).toBe(0);
    expect(seriesValue(text, 'diplograph_analyst_queries_in_flight', { state: 'queued' })).toBe(0);

    // The pool: nothing busy between requests (sessions hand their connection back just after the answer,
    // and a timed-out analyst query's connection is dropped in the background, so allow them a moment),
    // at least one connection kept open, every acquisition timed.
    let pool = text;
    for (let tries = 0; tries < 50 && seriesValue(pool, 'diplograph_neo4j_pool_connections', { state: 'in_use' }) !== 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      pool = await scrape();
    }
    expect(seriesValue(pool, 'diplograph_neo4j_pool_connections', { state: 'in_use' })).toBe(0);
    expect(seriesValue(pool, 'diplograph_neo4j_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'diplograph_neo4j_pool_waiting')).toBe(0);
    expect(seriesValue(text, 'diplograph_neo4j_pool_acquisition_seconds_count')).toBeGreaterThanOrEqual(3);

    expect(seriesValue(text, 'diplograph_graphql_request_duration_seconds_count', { operation: 'Ok' })).toBe(1);
    expect(seriesValue(text, 'diplograph_neo4j_round_trips_per_request_count')).toBeGreaterThanOrEqual(3);
  });

  it('shows connections in use while queries run', async () => {
    const slow = 'UNWIND range(1, 3000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n';
    const running = [
      gql(CYPHER, { query: slow, timeoutMs: 20_000 }, bearer(KEYS.analyst)),
      gql(CYPHER, { query: slow, timeoutMs: 20_000 }, bearer(KEYS.analyst)),
    ];
    let busiest = 0;
    let analystRunning = 0;
    const settled = Promise.all(running);
    let done = false;
    void settled.then(() => (done = true));
    while (!done) {
      const text = await scrape();
      busiest = Math.max(busiest, seriesValue(text, 'diplograph_neo4j_pool_connections', { state: 'in_use' }) ?? 0);
      analystRunning = Math.max(analystRunning, seriesValue(text, 'diplograph_analyst_queries_in_flight', { state: 'running' }) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answers = await Promise.all((await settled).map((response) => response.json()));
    expect(answers.map((answer: any) => answer.data?.cypher?.rows)).toEqual([[{ n: 428572 }], [{ n: 428572 }]]);
    expect(busiest).toBeGreaterThanOrEqual(1);
    expect(analystRunning).toBeGreaterThanOrEqual(1);
  });

  it('keeps the operation label bounded under 1,000 random operation names', async () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `Random${i}_${Math.random().toString(36).slice(2, 10)}`);
    for (let i = 0; i < names.length; i += 20) {
      await Promise.all(names.slice(i, i + 20).map((name) => gql(`query ${name} { __typename }`)));
    }
    await gql('query Configured { __typename }');
    const text = await scrape();
    const operations = labelValues(text, 'diplograph_graphql_request_duration_seconds_count', 'operation');
    // 20 learned names at most, plus the configured one, "other" and "(anonymous)".
    expect(operations.size).toBeLessThanOrEqual(23);
    expect(operations.has('other')).toBe(true);
    expect(operations.has('Configured')).toBe(true);
    expect(seriesValue(text, 'diplograph_graphql_request_duration_seconds_count', { operation: 'other' })).toBeGreaterThanOrEqual(980 - 20);
  }, 120_000);

  it('echoes the request id and writes one access log line per request at info', async () => {
    logLines.length = 0;
    const given = await gql('query Ok { serverInfo { version } }', undefined, { 'x-request-id': 'trace-abc.123', ...bearer(KEYS.analyst) });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const generated = await post('{ not json');
    const generatedId = generated.headers.get('x-request-id');
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
    // A header that is not a plain token is replaced, never echoed.
    const hostile = await gql('{ __typename }', undefined, { 'x-request-id': 'a b<script>' });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const access = logLines.filter((line) => line.msg === 'request');
    expect(access).toHaveLength(3);
    expect(access[0]).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Ok',
      keyName: 'test-analyst',
      requestId: 'trace-abc.123',
    });
    expect(typeof access[0].ms).toBe('number');
    expect(access[1]).toMatchObject({ status: 400, requestId: generatedId });
  });
});
