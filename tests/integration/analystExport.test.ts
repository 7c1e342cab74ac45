import http from 'node:http';
import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, KEYS } from './analystTestKeys';

interface Exported {
  status: number;
  headers: http.IncomingHttpHeaders;
  trailers: NodeJS.Dict<string>;
  body: string;
  /** How many chunks the body arrived in: more than one means it was streamed. */
  chunks: number;
}

/** POSTs to /analyst/export with node:http, which (unlike fetch) reads trailers. */
function exportQuery(t: TestApp, format: string, body: unknown, key: string = KEYS.analyst): Promise<Exported> {
  const url = new URL(`/analyst/export?format=${format}`, t.url);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          trailers: response.trailers,
          body: Buffer.concat(parts).toString('utf8'),
          chunks: parts.length,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('POST /analyst/export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
  });
  afterAll(async () => {
    await t.close();
  });

  // A generous timeout: 10,000 rows take seconds on a busy two-core machine.
  it('streams 10,000 NDJSON rows and stops at the row cap', async () => {
    const result = await exportQuery(t, 'ndjson', { query: 'UNWIND range(1, 20000) AS i RETURN i, toString(i) AS s', limit: 10_000, timeoutMs: 30_000 });
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(result.headers['transfer-encoding']).toBe('chunked');
    const lines = result.body.trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(JSON.parse(lines[0]!)).toEqual({ i: 1, s: '1' });
    expect(JSON.parse(lines[9_999]!)).toEqual({ i: 10_000, s: '10000' });
    expect(result.trailers).toMatchObject({ 'x-row-count': '10000', 'x-truncated': 'true' });
    expect(result.chunks).toBeGreaterThan(1);
  });

  it('refuses a limit above CYPHER_MAX_ROW_LIMIT before it runs anything', async () => {
    const result = await exportQuery(t, 'ndjson', { query: 'RETURN 1 AS one', limit: 10_001 });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('writes CSV with a header, quoted fields, and entities without internal properties', async () => {
    const result = await exportQuery(t, 'csv', {
      query: "MATCH (p:Person {id: 'steve-witkoff'}) RETURN p.name AS name, 'a, \"b\"' AS text, p AS person",
    });
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/text\/csv/);
    const [head, row] = result.body.split('\r\n');
    expect(head).toBe('name,text,person');
    expect(row).toMatch(/^Steve Witkoff,"a, ""b""","\{""id"":""steve-witkoff""/);
    expect(row).not.toContain('nameKey');
    expect(result.trailers).toMatchObject({ 'x-row-count': '1', 'x-truncated': 'false' });
  });

  it('keeps the guard, the roles and the formats', async () => {
    const write = await exportQuery(t, 'csv', { query: 'CREATE (n:ExportProbe) RETURN n' });
    expect(write.status).toBe(403);
    expect(JSON.parse(write.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const reader = await exportQuery(t, 'csv', { query: 'RETURN 1 AS one' }, KEYS.reader);
    expect(reader.status).toBe(403);
    const unknown = await exportQuery(t, 'csv', { query: 'RETURN 1 AS one' }, KEYS.unknown);
    expect(unknown.status).toBe(401);
    const format = await exportQuery(t, 'xlsx', { query: 'RETURN 1 AS one' });
    expect(format.status).toBe(400);
    expect(JSON.parse(format.body).errors[0].message).toContain('csv or ndjson');
  });
});
