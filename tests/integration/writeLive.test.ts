import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../harness/testApp';
import { deleteEntitiesWithPrefix } from '../harness/testData';
import { TEST_ENV } from '../harness/testEnv';
import { API_KEYS, KEYS, bearer } from './analystTestKeys';

/** Entities of this file; cleanup removes them and their write records. */
const P = 'wlive-';
const SOURCE = `${P}source`;

const ASSERT = `mutation Assert($input: AssertRelationInput!) {
  assertRelation(input: $input) { relationId version write { bookmarks } }
}`;
const UPSERT = `mutation Upsert($input: UpsertEntityInput!) {
  upsertEntity(input: $input) { entityId version write { bookmarks } }
}`;

function wsClient(t: TestApp, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
}

/** Subscribes and resolves with the first `count` events (or rejects with the subscription's error). */
function nextEvents(client: Client, query: string, variables: Record<string, unknown>, count: number) {
  const events: Array<Record<string, any>> = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  const done = new Promise<Array<Record<string, any>>>((resolve, reject) => {
    const stop = client.subscribe<Record<string, any>>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) reject(new Error(JSON.stringify(value.errors)));
          events.push(value.data!);
          if (events.length === count) {
            stop();
            resolve(events);
          }
        },
        // A close event (bad credentials) keeps its code; GraphQL errors become one Error with their JSON.
        error: (error) => reject(error instanceof Error || (error as { code?: number }).code !== undefined ? error : new Error(JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  });
  // graphql-ws gives no "subscribed" event: wait until the server registered the listener.
  return { done, subscribed, ready };
}

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function cleanUp(t: TestApp): Promise<void> {
  await t.db.write(
    'cleanLive',
    `
    MATCH (x) WHERE (x:AuditEntry AND any(id IN x.entityIds WHERE id STARTS WITH $p)) OR (x:Retraction AND x.entityId STARTS WITH $p)
    DETACH DELETE x`,
    { p: P },
  );
  await deleteEntitiesWithPrefix(t.db, P);
}

async function seedOwnEntities(t: TestApp): Promise<void> {
  await t.db.write(
    'liveSource',
    `
    MERGE (s:Entity:Source {id: $source}) SET s.name = 'Wlive source', s.nameKey = 'wlive source', s.version = 1
    MERGE (p:Entity:Person {id: $person}) SET p.name = 'Wlive Person', p.nameKey = 'wlive person', p.version = 1
    MERGE (q:Entity:Proposal {id: $proposal}) SET q.name = 'Wlive proposal', q.nameKey = 'wlive proposal', q.status = 'made', q.version = 1`,
    { source: SOURCE, person: `${P}person`, proposal: `${P}proposal` },
  );
}

describe('subscriptions over graphql-ws', () => {
  let t: TestApp;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
    await cleanUp(t);
    await seedOwnEntities(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await cleanUp(t);
    await t.close();
  });

  it('delivers an assertion made by another client to a subscriber of its type and of its entity', async () => {
    const subscriber = wsClient(t, { authorization: `Bearer ${KEYS.reader}` });
    clients.push(subscriber);
    const byType = nextEvents(
      subscriber,
      `subscription($types: [String!]!) { relationsChanged(types: $types) { kind mutation entityId relationId relationType to version retracted actor requestId auditEntryId at } }`,
      { types: ['PROPOSED'] },
      2,
    );
    const byEntity = nextEvents(subscriber, `subscription($id: ID!) { entityChanged(id: $id) { kind relationId } }`, { id: `${P}proposal` }, 1);
    await waitFor(() => t.app.contextFor().changes.subscribers === 2);

    const asserted = await t.post(
      ASSERT,
      { input: { type: 'PROPOSED', from: `${P}person`, to: `${P}proposal`, source: SOURCE, requestId: `${P}live-1` } },
      bearer(KEYS.editor),
    );
    expect(asserted.body.errors).toBeUndefined();
    const retracted = await t.post(
      `mutation($input: RetractRelationInput!) { retractRelation(input: $input) { version } }`,
      {
        input: { type: 'PROPOSED', from: `${P}person`, to: `${P}proposal`, reason: 'Test retraction.' },
      },
      bearer(KEYS.editor),
    );
    expect(retracted.body.errors).toBeUndefined();

    const [first, second] = await byType.done;
    expect(first.relationsChanged).toMatchObject({
      kind: 'RELATION',
      mutation: 'assertRelation',
      entityId: `${P}person`,
      relationId: `${P}person-PROPOSED-${P}proposal`,
      relationType: 'PROPOSED',
      to: `${P}proposal`,
      version: 1,
      retracted: false,
      actor: 'key:test-editor',
      requestId: `${P}live-1`,
    });
    expect(second.relationsChanged).toMatchObject({ mutation: 'retractRelation', version: 2, retracted: true });
    expect((await byEntity.done)[0].entityChanged).toEqual({ kind: 'RELATION', relationId: `${P}person-PROPOSED-${P}proposal` });
    await waitFor(() => t.app.contextFor().changes.subscribers === 0);
  });

  it('does not deliver changes the subscription did not ask for', async () => {
    const subscriber = wsClient(t);
    clients.push(subscriber);
    const events: unknown[] = [];
    const stop = subscriber.subscribe(
      { query: 'subscription { relationsChanged(types: ["SAID"]) { relationId } }' },
      { next: (v) => events.push(v), error: () => undefined, complete: () => undefined },
    );
    await waitFor(() => t.app.contextFor().changes.subscribers === 1);
    const upsert = await t.post(
      UPSERT,
      { input: { id: `${P}person`, type: 'PERSON', name: 'Wlive Person', description: 'Changed.', sources: [SOURCE] } },
      bearer(KEYS.editor),
    );
    expect(upsert.body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    stop();
  });

  it('refuses a connection with an unknown key, and unknown relationship types', async () => {
    const bad = wsClient(t, { authorization: `Bearer ${KEYS.unknown}` });
    clients.push(bad);
    await expect(nextEvents(bad, 'subscription { relationsChanged(types: ["SAID"]) { relationId } }', {}, 1).done).rejects.toMatchObject({ code: 4403 });
    const good = wsClient(t);
    clients.push(good);
    await expect(nextEvents(good, 'subscription { relationsChanged(types: ["NOT_A_TYPE"]) { relationId } }', {}, 1).done).rejects.toThrow(/NOT_A_TYPE/);
  });

  it('applies the HTTP operation limits to subscriptions', async () => {
    const client = wsClient(t);
    clients.push(client);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: kind`).join(' ');
    await expect(nextEvents(client, `subscription { relationsChanged(types: ["SAID"]) { ${aliases} } }`, {}, 1).done).rejects.toThrow(/[Aa]liases/);
  });
});

describe('bookmarks over neo4j:// (routing driver, single local server)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const uri = process.env[TEST_ENV.uri]!.replace(/^bolt:/, 'neo4j:');
    t = await startTestApp({ API_KEYS, NEO4J_URI: uri });
    await cleanUp(t);
    await seedOwnEntities(t);
  });
  afterAll(async () => {
    await cleanUp(t);
    await t.close();
  });

  it('returns the commit bookmarks, and a read that sends them back sees the write', async () => {
    expect(t.db.driver).toBeDefined();
    const write = await t.post(
      UPSERT,
      { input: { id: `${P}person`, type: 'PERSON', name: 'Wlive Person', description: 'Read your own write.', sources: [SOURCE] } },
      bearer(KEYS.editor),
    );
    expect(write.body.errors).toBeUndefined();
    const { bookmarks } = write.body.data?.upsertEntity.write;
    expect(bookmarks.length).toBeGreaterThan(0);
    const read = await t.post(`query($id: ID!) { entity(id: $id) { description } }`, { id: `${P}person` }, { 'x-neo4j-bookmark': bookmarks.join(',') });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.entity.description).toBe('Read your own write.');
  });

  it('hands the bookmarks to the server: one it never issued is refused with BAD_USER_INPUT', async () => {
    const read = await t.post('{ serverInfo { version } entity(id: "wlive-person") { id } }', undefined, {
      'x-neo4j-bookmark': 'FB:kcwQnotARealBookmarkAtAll0000000000',
    });
    const codes = (read.body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toContain('BAD_USER_INPUT');
    const tooMany = await t.post('{ serverInfo { version } }', undefined, { 'x-neo4j-bookmark': Array.from({ length: 20 }, (_, i) => `b${i}`).join(',') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
