import { startTestApp, type TestApp } from '../harness/testApp';
import { TEST_ENV } from '../harness/testEnv';
import { API_KEYS, bearer, CYPHER, KEYS } from './analystTestKeys';

/**
 * The API over `neo4j://`, the routing scheme of clusters and Aura: the
 * driver asks the server for a routing table and sends each transaction to
 * a server of the right role (reads to READ servers, writes to the leader).
 * Against the single local server the table names it for every role, which
 * is enough to prove the API works through routing: every typed read,
 * analyst query and write goes through the routing driver, and reads are
 * read transactions (a write in one is refused, as a follower would).
 */
describe('the API over neo4j:// (routing driver)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const direct = process.env[TEST_ENV.uri]!;
    t = await startTestApp({ NEO4J_URI: direct.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:'), API_KEYS });
  });
  afterAll(async () => {
    await t.db.write('routingCleanup', "MATCH (n:RoutingProbe {id: 'routing-test'}) DELETE n");
    await t.close();
  });

  it('connects through a routing table whose servers are the advertised loopback address', async () => {
    expect(t.config.neo4j.kind === 'remote' && t.config.neo4j.uri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
    const rows = await t.db.read<{ role: string; addresses: string[] }>(
      'routingTable',
      'CALL dbms.routing.getRoutingTable({}, $database) YIELD servers UNWIND servers AS s RETURN s.role AS role, s.addresses AS addresses',
      { database: t.db.database },
    );
    const port = new URL(t.config.neo4j.kind === 'remote' ? t.config.neo4j.uri.replace('neo4j:', 'http:') : '').port;
    expect(rows.map((row) => row.role).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
    for (const row of rows) expect(row.addresses).toEqual([`127.0.0.1:${port}`]);
  });

  it('serves typed reads, analyst Cypher and serverInfo', async () => {
    const typed = await t.post('{ entity(id: "steve-witkoff") { id name } serverInfo { neo4jVersion } }');
    expect(typed.status).toBe(200);
    expect(typed.body.data?.entity).toEqual({ id: 'steve-witkoff', name: expect.stringMatching(/Witkoff/) });
    const analyst = await t.post(CYPHER, { query: 'MATCH (p:Person {id: "steve-witkoff"}) RETURN p.id AS id' }, bearer(KEYS.analyst));
    expect(analyst.body.data?.cypher.rows).toEqual([{ id: 'steve-witkoff' }]);
  });

  it('sends writes to the writer and refuses a write in a read transaction', async () => {
    await t.db.write('routingWrite', "MERGE (n:RoutingProbe {id: 'routing-test'}) SET n.at = timestamp()");
    expect(await t.db.read('routingRead', "MATCH (n:RoutingProbe {id: 'routing-test'}) RETURN n.id AS id")).toEqual([{ id: 'routing-test' }]);
    await expect(t.db.read('writeInRead', "CREATE (:RoutingProbe {id: 'routing-test-bad'})")).rejects.toThrow();
    expect(await t.db.read('noBadWrite', "MATCH (n:RoutingProbe {id: 'routing-test-bad'}) RETURN n")).toEqual([]);
  });
});
