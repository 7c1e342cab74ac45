import { startTestApp, type TestApp } from '../harness/testApp';

const PREFIX = 'test-entity-';

describe('entity and entities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.db.write(
      'createTestEntities',
      `UNWIND $rows AS row
       CREATE (s:Entity:Source {id: row.source, name: 'Test source', aliases: []})
       CREATE (p:Entity:Person {id: row.person, name: 'Test person', aliases: ['T. Person'], description: 'Someone.'})
       CREATE (p)-[:MEMBER_OF {sources: [row.source], quote: 'hello', confidence: 0.5}]->(s)`,
      { rows: [{ source: `${PREFIX}source`, person: `${PREFIX}person` }] },
    );
  });
  afterAll(async () => {
    await t.db.write('deleteTestEntities', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  it('returns an entity by id with its type, and null for an unknown id', async () => {
    const { body } = await t.post(
      `query($id: ID!) { entity(id: $id) { __typename id type name aliases description } missing: entity(id: "no-such-id") { id } }`,
      { id: `${PREFIX}person` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.entity).toEqual({
      __typename: 'Person',
      id: `${PREFIX}person`,
      type: 'PERSON',
      name: 'Test person',
      aliases: ['T. Person'],
      description: 'Someone.',
    });
    expect(body.data?.missing).toBeNull();
  });

  it('returns several entities in the order asked, in one round-trip', async () => {
    const ctx = t.app.contextFor();
    const result = await t.app.apollo.executeOperation(
      { query: `query($ids: [ID!]!) { entities(ids: $ids) { id } }`, variables: { ids: [`${PREFIX}source`, 'nope', `${PREFIX}person`] } },
      { contextValue: ctx },
    );
    const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
    expect(body?.data?.entities).toEqual([{ id: `${PREFIX}source` }, null, { id: `${PREFIX}person` }]);
    expect(ctx.db.roundTrips).toBe(1);
  });

  it('refetches any entity as a Node by id, through fragments on its type, and null for an unknown id', async () => {
    const ctx = t.app.contextFor();
    const result = await t.app.apollo.executeOperation(
      {
        query: `query($id: ID!) {
          node(id: $id) { __typename id ... on Entity { type name } ... on Person { relations(direction: OUTGOING) { edges { node { id } } } } }
          missing: node(id: "no-such-id") { id }
        }`,
        variables: { id: `${PREFIX}person` },
      },
      { contextValue: ctx },
    );
    const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
    expect(body?.errors).toBeUndefined();
    expect(body?.data?.node).toEqual({
      __typename: 'Person',
      id: `${PREFIX}person`,
      type: 'PERSON',
      name: 'Test person',
      relations: { edges: [{ node: { id: `${PREFIX}source` } }] },
    });
    expect(body?.data?.missing).toBeNull();
  });

  it('refuses more ids than the list limit', async () => {
    const ids = Array.from({ length: t.config.limits.listMax + 1 }, (_, i) => `id-${i}`);
    const { body } = await t.post(`query($ids: [ID!]!) { entities(ids: $ids) { id } }`, { ids });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toContain('ids');
  });
});
