import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, KEYS, bearer } from './analystTestKeys';

/** One HTTP answer as a client sees it: status, headers and the body's exact text. */
interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function send(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The value of one series of the app's /metrics (0 when it has not been counted yet). */
async function metric(t: TestApp, series: string): Promise<number> {
  const text = await (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const SERVED = 'diplograph_graphql_read_lane_total{outcome="served"}';
const HANDED = 'diplograph_graphql_read_lane_total{outcome="apollo"}';

/** Headers Apollo's path and the lane must agree on (not the date or the request id, which differ per response). */
const COMPARED = ['content-type', 'content-length', 'vary', 'access-control-expose-headers', 'ratelimit-limit', 'ratelimit-policy'];
const headersOf = (answer: Answer) => Object.fromEntries(COMPARED.map((name) => [name, answer.headers.get(name)]));

describe('the read lane', () => {
  let t: TestApp;
  let budgeted: TestApp;
  beforeAll(async () => {
    // GRAPHQL_COMPILE_AFTER is 1 here: an operation runs compiled on its first use, and is known from its second.
    t = await startTestApp({ API_KEYS });
    budgeted = await startTestApp({ API_KEYS, RATE_LIMIT_READER: '100', RATE_LIMIT_WINDOW_S: '60' });
  });
  afterAll(async () => {
    await Promise.all([t.close(), budgeted.close()]);
  });

  it("answers a repeated typed read with the bytes and headers of Apollo's answer, and counts it", async () => {
    const query = `query LanePersons { persons(first: 3) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id name ... on Person { offices(first: 2) { edges { node { id } } } } } } } }`;
    const served = await metric(t, SERVED);
    const byApollo = await send(t.url, query);
    expect(await metric(t, SERVED)).toBe(served);
    const byLane = await send(t.url, query);
    expect(await metric(t, SERVED)).toBe(served + 1);

    expect(byLane.status).toBe(200);
    expect(byLane.text).toBe(byApollo.text);
    expect(headersOf(byLane)).toEqual(headersOf(byApollo));
    expect(byLane.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    expect(JSON.parse(byLane.text).data.persons.edges).toHaveLength(3);
    // Both are timed and labelled like any operation.
    expect(await metric(t, 'diplograph_graphql_request_duration_seconds_count{operation="LanePersons"}')).toBe(2);
  });

  it('answers in the response type Apollo chooses for the Accept header, and leaves a refused one to Apollo', async () => {
    const query = '{ countries(first: 2) { edges { node { id name } } } }';
    const accept = { accept: 'application/graphql-response+json, application/json;q=0.9' };
    const byApollo = await send(t.url, query, undefined, accept);
    const served = await metric(t, SERVED);
    const byLane = await send(t.url, query, undefined, accept);
    expect(await metric(t, SERVED)).toBe(served + 1);
    expect(byLane.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(headersOf(byLane)).toEqual(headersOf(byApollo));
    expect(byLane.text).toBe(byApollo.text);

    const refused = await send(t.url, query, undefined, { accept: 'text/html' });
    expect(refused.status).toBe(406);
    expect(await metric(t, SERVED)).toBe(served + 1);
  });

  it('hands a result with errors to Apollo, which sends it as graphql-js gives it, without running it again', async () => {
    const query = 'query($after: String) { persons(first: 2) { edges { node { id offices(after: $after) { totalCount } } } } }';
    expect((await send(t.url, query, { after: null })).status).toBe(200);
    const [handed, reruns, compiled] = await Promise.all([
      metric(t, HANDED),
      metric(t, 'diplograph_graphql_executions_total{executor="rerun"}'),
      metric(t, 'diplograph_graphql_executions_total{executor="compiled"}'),
    ]);

    const answer = await send(t.url, query, { after: 'not-a-cursor' });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].path).toEqual(['persons', 'edges', 0, 'node', 'offices']);
    expect(body.errors[0].message).toContain('not-a-cursor');
    expect(await metric(t, HANDED)).toBe(handed + 1);
    // Run once compiled and once in graphql-js, by the lane; Apollo sent the result it was handed.
    expect(await metric(t, 'diplograph_graphql_executions_total{executor="rerun"}')).toBe(reruns + 1);
    expect(await metric(t, 'diplograph_graphql_executions_total{executor="compiled"}')).toBe(compiled);
  });

  it("charges a client's budget once per request, and a refusal is Apollo's 429 with nothing charged", async () => {
    const query = '{ places(first: 10) { edges { node { id } } } }'; // costs 11
    const key = bearer(KEYS.reader);
    const served = await metric(budgeted, SERVED);
    const remaining: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const answer = await send(budgeted.url, query, undefined, key);
      expect(answer.status).toBe(200);
      remaining.push(Number(answer.headers.get('ratelimit-remaining')));
    }
    // The first by Apollo, eight by the lane: 11 each, whichever answered.
    expect(remaining).toEqual([89, 78, 67, 56, 45, 34, 23, 12, 1]);
    expect(await metric(budgeted, SERVED)).toBe(served + 8);

    const handed = await metric(budgeted, HANDED);
    const over = await send(budgeted.url, query, undefined, key);
    expect(over.status).toBe(429);
    expect(JSON.parse(over.text).errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', cost: 11 });
    expect(over.headers.get('ratelimit-remaining')).toBe('1');
    expect(await metric(budgeted, HANDED)).toBe(handed + 1);
  });

  it('leaves an unknown API key to Apollo: 401 UNAUTHENTICATED', async () => {
    const query = '{ organizations(first: 1) { edges { node { id } } } }';
    expect((await send(t.url, query)).status).toBe(200);
    const answer = await send(t.url, query, undefined, { authorization: 'Bearer no-such-key' });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('leaves expensive reads (search), persisted-query extensions and variables that do not coerce to Apollo', async () => {
    const search = 'query($t: String!) { search(text: $t, first: 3) { entity { id } } }';
    const list = 'query($n: NonNegativeInt) { meetings(first: $n) { edges { node { id } } } }';
    await send(t.url, search, { t: 'witkoff' });
    await send(t.url, list, { n: 1 });
    const served = await metric(t, SERVED);

    expect((await send(t.url, search, { t: 'witkoff' })).status).toBe(200);
    const bad = await send(t.url, list, { n: 'one' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0]).toMatchObject({ message: expect.stringContaining('$n'), extensions: { code: 'BAD_USER_INPUT' } });
    const withExtensions = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: list, variables: { n: 1 }, extensions: {} }),
    });
    expect(withExtensions.status).toBe(200);
    expect(await metric(t, SERVED)).toBe(served);
    // The same list with good variables is the lane's again.
    expect((await send(t.url, list, { n: 2 })).status).toBe(200);
    expect(await metric(t, SERVED)).toBe(served + 1);
  });
});
