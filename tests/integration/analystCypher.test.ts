import { executeReadOnly } from '../../src/cypher-sandbox/executeReadOnly';
import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';

const PREFIX = 'analyst-cypher-test';
const EXPLAIN = `query Explain($query: String!) {
  explainCypher(query: $query) {
    queryType tree
    operators { id parentId depth operatorType database estimatedRows identifiers details arguments childIds }
    notifications { code severity position { line column offset } }
  }
}`;

describe('Query.cypher and Query.explainCypher on a real Neo4j', () => {
  let t: TestApp;
  const asAnalyst = (query: string, params?: unknown, extra: Record<string, unknown> = {}) =>
    t.post(CYPHER, { query, params, ...extra }, bearer(KEYS.analyst));

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
    // A small graph of this file's own, with a bytes property only the driver can write.
    await t.db.write(
      'analystCypherFixture',
      `CREATE (a:AnalystCypherProbe {id: $a, blob: $blob, n: 1})-[:PROBE_LINK {w: 0.5}]->(b:AnalystCypherProbe {id: $b})`,
      { a: `${PREFIX}-a`, b: `${PREFIX}-b`, blob: new Int8Array([104, 105, -1]) },
    );
  });
  afterAll(async () => {
    await t.db.write('analystCypherCleanup', 'MATCH (n:AnalystCypherProbe) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  describe('roles', () => {
    const cases: Array<[string, Record<string, string>, string | null]> = [
      ['a request without a key (reader)', {}, 'FORBIDDEN'],
      ['a reader key', bearer(KEYS.reader), 'FORBIDDEN'],
      ['an analyst key', bearer(KEYS.analyst), null],
      ['an admin key', bearer(KEYS.admin), null],
    ];
    it.each(cases)('cypher with %s', async (_name, headers, code) => {
      const { body } = await t.post(CYPHER, { query: 'RETURN 1 AS one' }, headers);
      if (code) {
        expect(body.errors?.[0].extensions?.code).toBe(code);
        expect(body.errors?.[0].message).toMatch(/needs the analyst role/);
      } else {
        expect(body.errors).toBeUndefined();
        expect(body.data?.cypher.rows).toEqual([{ one: 1 }]);
      }
    });
    it.each(cases)('explainCypher with %s', async (_name, headers, code) => {
      const { body } = await t.post(EXPLAIN, { query: 'RETURN 1 AS one' }, headers);
      if (code) expect(body.errors?.[0].extensions?.code).toBe(code);
      else expect(body.data?.explainCypher.queryType).toBe('r');
    });
    it.each([
      ['cypher', CYPHER],
      ['explainCypher', EXPLAIN],
    ])('%s with an unknown key: 401 UNAUTHENTICATED, nothing run', async (_name, operation) => {
      const { status, body } = await t.post(operation, { query: 'RETURN 1 AS one' }, bearer(KEYS.unknown));
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    });
    it('rejects an unknown key with 401 and UNAUTHENTICATED, before any resolver runs', async () => {
      const { status, body } = await t.post('{ serverInfo { version } }', undefined, bearer(KEYS.unknown));
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    });
    it('rejects an Authorization header of another scheme', async () => {
      const { status, body } = await t.post('{ viewer { role } }', undefined, { authorization: `Basic ${KEYS.analyst}` });
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
    it('tells the caller its role', async () => {
      const anonymous = await t.post('{ viewer { role keyName } }');
      expect(anonymous.body.data?.viewer).toEqual({ role: 'READER', keyName: null });
      const admin = await t.post('{ viewer { role keyName } }', undefined, bearer(KEYS.admin));
      expect(admin.body.data?.viewer).toEqual({ role: 'ADMIN', keyName: 'test-admin' });
    });
  });

  describe('values, converted faithfully from the real server', () => {
    let row: Record<string, unknown>;
    beforeAll(async () => {
      const { body } = await asAnalyst(
        `RETURN 1 AS one, 2^62 AS floatPower, toInteger(2^62) AS bigInt, -9007199254740993 AS negativeBig,
                9007199254740991 AS maxSafe, 1.5 AS float, 0.0/0.0 AS nan, 1.0/0.0 AS inf, -1.0/0.0 AS negInf,
                'text' AS string, true AS yes, null AS nothing, [1, 'a', [2.5]] AS list, {a: {b: [1]}} AS map,
                date('2025-08-07') AS date, time('10:15:30.5+02:00') AS time, localtime('10:15:30') AS localTime,
                datetime('2025-08-07T10:15:30.123Z') AS dateTimeUtc,
                datetime({year: 2024, month: 3, day: 1, hour: 10, timezone: 'Europe/Berlin'}) AS dateTimeZoned,
                localdatetime('2025-08-07T10:15:30') AS localDateTime, duration('P1Y2M3DT4H5M6.007S') AS duration,
                point({x: 1.5, y: 2}) AS cartesian, point({x: 1, y: 2, z: 3}) AS cartesian3d,
                point({latitude: 55.75, longitude: 37.62}) AS wgs84, point({latitude: 1, longitude: 2, height: 3}) AS wgs843d,
                $param AS param`,
        { param: { nested: [1, 2.5, 'x', null, false] } },
      );
      expect(body.errors).toBeUndefined();
      row = body.data?.cypher.rows[0];
    });
    it('integers: numbers when safe, decimal strings when not', () => {
      expect(row.one).toBe(1);
      expect(row.bigInt).toBe('4611686018427387904');
      expect(row.negativeBig).toBe('-9007199254740993');
      expect(row.maxSafe).toBe(9007199254740991);
    });
    it('floats, with NaN and the infinities as strings', () => {
      expect(row.floatPower).toBe(4611686018427388000);
      expect(row.float).toBe(1.5);
      expect(row.nan).toBe('NaN');
      expect(row.inf).toBe('Infinity');
      expect(row.negInf).toBe('-Infinity');
    });
    it('strings, booleans, null, lists, maps and parameters', () => {
      expect(row).toMatchObject({ string: 'text', yes: true, nothing: null, list: [1, 'a', [2.5]], map: { a: { b: [1] } } });
      expect(row.param).toEqual({ nested: [1, 2.5, 'x', null, false] });
    });
    it('temporal values as ISO-8601 strings', () => {
      expect(row.date).toBe('2025-08-07');
      expect(row.time).toBe('10:15:30.500000000+02:00');
      expect(row.localTime).toBe('10:15:30');
      expect(row.dateTimeUtc).toBe('2025-08-07T10:15:30.123000000Z');
      expect(row.dateTimeZoned).toBe('2024-03-01T10:00:00+01:00[Europe/Berlin]');
      expect(row.localDateTime).toBe('2025-08-07T10:15:30');
      expect(row.duration).toBe('P1Y2M3DT4H5M6.007000000S');
    });
    it('points with srid, crs and coordinates', () => {
      expect(row.cartesian).toEqual({ srid: 7203, crs: 'cartesian', x: 1.5, y: 2 });
      expect(row.cartesian3d).toEqual({ srid: 9157, crs: 'cartesian-3d', x: 1, y: 2, z: 3 });
      expect(row.wgs84).toEqual({ srid: 4326, crs: 'wgs-84', x: 37.62, y: 55.75 });
      expect(row.wgs843d).toEqual({ srid: 4979, crs: 'wgs-84-3d', x: 2, y: 1, z: 3 });
    });
    it('nodes, relationships, paths and bytes', async () => {
      const { body } = await asAnalyst(
        'MATCH p = (a:AnalystCypherProbe {id: $a})-[r:PROBE_LINK]->(b) RETURN a, r, b, p, a.blob AS blob, elementId(a) AS aId, elementId(b) AS bId, elementId(r) AS rId',
        { a: `${PREFIX}-a` },
      );
      expect(body.errors).toBeUndefined();
      const { a, r, b, p, blob, aId, bId, rId } = body.data?.cypher.rows[0];
      expect(a).toEqual({ id: `${PREFIX}-a`, elementId: aId, labels: ['AnalystCypherProbe'], properties: { id: `${PREFIX}-a`, blob: 'aGn/', n: 1 } });
      expect(r).toEqual({ id: rId, type: 'PROBE_LINK', start: aId, end: bId, properties: { w: 0.5 } });
      expect(b).toEqual({ id: `${PREFIX}-b`, elementId: bId, labels: ['AnalystCypherProbe'], properties: { id: `${PREFIX}-b` } });
      expect(p).toEqual({ nodes: [a, b], relationships: [r] });
      expect(blob).toBe(Buffer.from([104, 105, 255]).toString('base64'));
    });
  });

  describe('results and summaries', () => {
    it('returns columns in RETURN order, rows keyed by column, and a summary', async () => {
      const { body } = await asAnalyst('UNWIND range(1, 5) AS i RETURN i, i * 2 AS double ORDER BY i');
      const result = body.data?.cypher;
      expect(result.columns).toEqual(['i', 'double']);
      expect(result.rows[4]).toEqual({ i: 5, double: 10 });
      expect(result.truncated).toBe(false);
      expect(result.summary).toMatchObject({ queryType: 'r', database: 'neo4j', rowCount: 5, timeoutMs: 5000, rowLimit: 1000 });
      expect(result.summary.totalMs).toBeGreaterThan(0);
      expect(result.summary.resultAvailableAfterMs).toEqual(expect.any(Number));
    });
    it('returns columns even when there are no rows', async () => {
      const { body } = await asAnalyst('MATCH (n:AnalystCypherProbe {id: "none"}) RETURN n.id AS id, n AS node');
      expect(body.data?.cypher).toMatchObject({ columns: ['id', 'node'], rows: [], truncated: false });
    });
    it('cuts the rows at the limit and says so', async () => {
      const { body } = await asAnalyst('UNWIND range(1, 100) AS i RETURN i', null, { limit: 10 });
      expect(body.data?.cypher.rows).toHaveLength(10);
      expect(body.data?.cypher.truncated).toBe(true);
      expect(body.data?.cypher.columns).toEqual(['i']);
      const exact = await asAnalyst('UNWIND range(1, 10) AS i RETURN i', null, { limit: 10 });
      expect(exact.body.data?.cypher.truncated).toBe(false);
    });
    it("reports the planner's notifications with positions in the analyst's text", async () => {
      const { body } = await asAnalyst('MATCH (a:AnalystCypherProbe), (b:AnalystCypherProbe) RETURN a.id AS a, b.id AS b');
      const cartesian = body.data?.cypher.summary.notifications.find((n: { code: string }) => n.code.endsWith('CartesianProduct'));
      expect(cartesian).toMatchObject({ severity: 'INFORMATION', title: expect.stringMatching(/cartesian product/i) });
      expect(cartesian.position).toEqual({ line: 1, column: 1, offset: 0 });
    });
    it('allows the catalogue and full-text procedures', async () => {
      const labels = await asAnalyst('CALL db.labels() YIELD label RETURN label ORDER BY label');
      expect(labels.body.data?.cypher.rows).toContainEqual({ label: 'AnalystCypherProbe' });
      const fulltext = await asAnalyst("CALL db.index.fulltext.queryNodes('entity_fulltext', $q) YIELD node, score RETURN node.id AS id LIMIT 3", {
        q: 'Witkoff',
      });
      expect(fulltext.body.errors).toBeUndefined();
      expect(fulltext.body.data?.cypher.rows).toContainEqual({ id: 'steve-witkoff' });
    });
  });

  describe('errors', () => {
    it('a syntax error: BAD_USER_INPUT with Neo4j message and the position in the analyst text', async () => {
      const { status, body } = await asAnalyst('MATCH (n)\nRETUR n');
      expect(status).toBe(200);
      const error = body.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(/Invalid input 'RETUR'.*\(line 2, column 1 \(offset: 10\)\)/);
      expect(error?.extensions?.position).toEqual({ line: 2, column: 1, offset: 10 });
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|EXPLAIN/);
    });
    it('a runtime error (division by zero): BAD_USER_INPUT', async () => {
      const { body } = await asAnalyst('UNWIND [1, 0] AS d RETURN 1 / d AS q');
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].extensions?.neo4jCode).toBe('Neo.ClientError.Statement.ArithmeticError');
    });
    it('a missing parameter: BAD_USER_INPUT naming it', async () => {
      const { body } = await asAnalyst('RETURN $missing AS m');
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].message).toMatch(/missing/);
    });
    it.each([
      ['a list', [1]],
      ['a string', 'x'],
      ['a number', 3],
    ])('params as %s: BAD_USER_INPUT naming params', async (_name, params) => {
      const { body } = await asAnalyst('RETURN 1', params);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'params' });
    });
    it.each([
      ['limit', 0],
      ['limit', 10_001],
      ['timeoutMs', 0],
      ['timeoutMs', 30_001],
    ])('%s = %d is out of range: BAD_USER_INPUT naming it', async (argument, value) => {
      const { body } = await asAnalyst('RETURN 1', null, { [argument]: value });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });
    it('an empty query: BAD_USER_INPUT', async () => {
      const { body } = await asAnalyst('  // nothing\n');
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('explainCypher', () => {
    it('returns the plan tree, flat and nested, through the guard', async () => {
      const { body } = await t.post(EXPLAIN, { query: 'MATCH (n:AnalystCypherProbe)-[:PROBE_LINK]->(m) RETURN m.id AS id' }, bearer(KEYS.analyst));
      expect(body.errors).toBeUndefined();
      const plan = body.data?.explainCypher;
      expect(plan.queryType).toBe('r');
      const [root] = plan.operators;
      expect(root).toMatchObject({ id: 0, parentId: null, depth: 0, operatorType: 'ProduceResults', database: 'neo4j' });
      expect(root.childIds.length).toBeGreaterThan(0);
      const types = plan.operators.map((o: { operatorType: string }) => o.operatorType);
      expect(types.some((type: string) => /Expand|Scan/.test(type))).toBe(true);
      for (const operator of plan.operators.slice(1)) {
        expect(plan.operators[operator.parentId].childIds).toContain(operator.id);
        expect(operator.estimatedRows).toEqual(expect.any(Number));
      }
      expect(plan.tree.operatorType).toBe('ProduceResults');
      expect(plan.tree.children[0].operatorType).toBe(plan.operators[root.childIds[0]].operatorType);
    });
    it('plans a query that uses parameters without their values', async () => {
      const { body } = await t.post(EXPLAIN, { query: 'MATCH (n:Entity {id: $id}) RETURN n.name AS name' }, bearer(KEYS.analyst));
      expect(body.errors).toBeUndefined();
      expect(body.data?.explainCypher.operators.map((o: { operatorType: string }) => o.operatorType)).toContain('NodeUniqueIndexSeek');
    });
    it('refuses what cypher refuses', async () => {
      const { body } = await t.post(EXPLAIN, { query: "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row" }, bearer(KEYS.analyst));
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', refused: 'LoadCSV' });
    });
  });

  describe('the read transaction, on its own', () => {
    it('the server refuses a write that reached the executor past the guard: FORBIDDEN', async () => {
      const run = executeReadOnly(
        t.db,
        'CREATE (n:AnalystCypherProbe {id: $id}) RETURN n',
        { id: `${PREFIX}-bypass` },
        {
          rowLimit: 10,
          maxResultBytes: 1_000_000,
          timeoutMs: 5_000,
          metadata: { test: 'bypass' },
        },
      );
      await expect(run).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', neo4jCode: 'Neo.ClientError.Statement.AccessMode' } });
      const left = await t.db.read('probeBypass', 'MATCH (n:AnalystCypherProbe {id: $id}) RETURN count(n) AS n', { id: `${PREFIX}-bypass` });
      expect(left).toEqual([{ n: 0 }]);
    });
    it('a write procedure past the guard is refused by the server too', async () => {
      const run = executeReadOnly(
        t.db,
        "CALL db.createLabel('AnalystCypherBypass')",
        {},
        {
          rowLimit: 10,
          maxResultBytes: 1_000_000,
          timeoutMs: 5_000,
          metadata: {},
        },
      );
      await expect(run).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    });
    it('integers in params arrive as Cypher INTEGER', async () => {
      const { body } = await asAnalyst('UNWIND range(1, $n) AS i RETURN count(i) AS c, valueType($n) AS t', { n: 3 });
      expect(body.data?.cypher.rows).toEqual([{ c: 3, t: 'INTEGER NOT NULL' }]);
    });
  });
});
