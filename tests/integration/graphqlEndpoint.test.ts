import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../harness/testApp';

/**
 * JSON POSTs to /graphql are served on Node's http directly
 * (src/server/graphqlEndpoint.ts); every other request to /graphql goes
 * through Express. Both must look the same to a client.
 */
describe('the direct GraphQL path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'http://localhost:5173' });
  });
  afterAll(async () => {
    await t.close();
  });

  const QUERY = '{ serverInfo { database } __typename }';

  it('answers a POST as Express answers the same operation by GET, with the same headers', async () => {
    const post = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'direct-1' },
      body: JSON.stringify({ query: QUERY }),
    });
    const get = await fetch(`${t.url}?query=${encodeURIComponent(QUERY)}`, {
      headers: { 'apollo-require-preflight': 'true', 'x-request-id': 'express-1' },
    });
    expect(post.status).toBe(200);
    expect(get.status).toBe(200);
    const postBody = await post.text();
    expect(postBody).toBe(await get.text());
    expect(JSON.parse(postBody)).toEqual({ data: { serverInfo: { database: 'neo4j' }, __typename: 'Query' } });
    expect(post.headers.get('x-request-id')).toBe('direct-1');
    expect(get.headers.get('x-request-id')).toBe('express-1');
    expect(post.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(Number(post.headers.get('content-length'))).toBe(Buffer.byteLength(postBody));
  });

  it('takes a UTF-8 charset and a query string; a gzipped body (read by Express) is answered alike', async () => {
    const send = (headers: Record<string, string>, body: string | Buffer) =>
      fetch(`${t.url}?from=test`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
    const plain = await send({ 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ query: QUERY }));
    const gzipped = await send({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ query: QUERY })));
    expect(plain.status).toBe(200);
    expect(gzipped.status).toBe(200);
    const text = await plain.text();
    expect(JSON.parse(text).data).toEqual({ serverInfo: { database: 'neo4j' }, __typename: 'Query' });
    expect(await gzipped.text()).toBe(text);
  });

  it('answers a body over the limit, a truncated one and one that is not JSON as the Express path does', async () => {
    const big = JSON.stringify({ query: `{ __typename } ${'#'.repeat(300_000)}` });
    const tooLarge = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    const tooLargeByExpress = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(big),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLargeByExpress.status).toBe(413);
    expect(await tooLarge.text()).toBe(await tooLargeByExpress.text());
    const broken = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' });
    const brokenByExpress = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync('{"query": "{ __typename }"'),
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toBe(await brokenByExpress.text());
  });

  it('sends CORS headers to a listed origin and not to another', async () => {
    const from = (origin: string) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ query: '{ __typename }' }) });
    const listed = await from('http://localhost:5173');
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(listed.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect((await from('http://localhost:9999')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses JSON that is not an object or a list as the parser on the Express path does', async () => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"{ __typename }"' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a bad API key with 401 and a code, before any resolver runs', async () => {
    const { status, body } = await t.post('{ __typename }', undefined, { authorization: 'Bearer not-a-key' });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts and logs both paths under the /graphql route', async () => {
    const scrape = async () => (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
    const count = (text: string) => Number(/diplograph_http_responses_total\{method="POST",route="\/graphql",status="200"\} (\d+)/.exec(text)?.[1] ?? 0);
    const before = count(await scrape());
    await t.post('{ __typename }');
    await t.post('{ __typename }');
    expect(count(await scrape())).toBe(before + 2);
  });
});
