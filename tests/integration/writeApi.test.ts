import { SignJWT } from 'jose';
import { startTestApp, type TestApp } from '../harness/testApp';
import { deleteEntitiesWithPrefix } from '../harness/testData';
import { API_KEYS, KEYS, bearer } from './analystTestKeys';
import { graphFingerprint } from './seedGraphChecksum';

/** Every entity this file writes has an id starting with this; cleanup removes them and their write records. */
const P = 'wtest-';
const SOURCE_TEXT = 'The envoy said: "We proposed a meeting in Geneva." The ministry declined to comment.';

const UPSERT = `mutation Upsert($input: UpsertEntityInput!) {
  upsertEntity(input: $input) { entityId version created entity { id name } write { requestId replayed bookmarks auditEntryId at } }
}`;
const ASSERT = `mutation Assert($input: AssertRelationInput!) {
  assertRelation(input: $input) { relationId type from to version created retracted write { requestId replayed auditEntryId bookmarks } }
}`;
const RETRACT = `mutation Retract($input: RetractRelationInput!) {
  retractRelation(input: $input) { relationId version retracted write { auditEntryId } }
}`;
const MERGE = `mutation Merge($input: MergeEntitiesInput!) {
  mergeEntities(input: $input) { entityId version entity { id name aliases } write { auditEntryId } }
}`;
const AUDIT = `query Audit($id: ID!, $first: Int, $after: String) {
  auditTrail(entityId: $id, first: $first, after: $after) {
    edges { cursor node { id requestId mutation actor role at entityIds relationIds reason before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RELATIONS = `query Rel($id: ID!) { entity(id: $id) { id relations(first: 50) { edges { type direction node { id } } } } }`;

async function cleanUp(t: TestApp): Promise<void> {
  await t.db.write(
    'cleanWriteRecords',
    `
    MATCH (x) WHERE (x:AuditEntry AND any(id IN x.entityIds WHERE id STARTS WITH $p))
      OR (x:Retraction AND x.entityId STARTS WITH $p) OR (x:MergedId AND x.id STARTS WITH $p)
      OR (x:AuditEntry AND x.requestId STARTS WITH $p) OR (x:SourceText AND x.sourceId STARTS WITH $p)
    DETACH DELETE x`,
    { p: P },
  );
  await deleteEntitiesWithPrefix(t.db, P);
}

describe('the write API', () => {
  let t: TestApp;
  const editor = bearer(KEYS.editor);
  const admin = bearer(KEYS.admin);

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
    await cleanUp(t);
    const source = await t.post(
      UPSERT,
      {
        input: {
          id: `${P}report`,
          type: 'SOURCE',
          name: 'Wtest agency report',
          properties: { text: SOURCE_TEXT, kind: 'news agency report' },
          sources: [`${P}report-self`],
        },
      },
      editor,
    );
    // A source must name a source: the first one is bootstrapped through a document.
    expect(source.body.errors?.[0].extensions?.field).toBe('input.sources[0]');
    const doc = `format: diplograph-seed/1
document: { id: ${P}doc }
defaults: { sources: [${P}report] }
entities:
  - { id: ${P}report, type: Source, name: Wtest agency report, text: ${JSON.stringify(SOURCE_TEXT)} }
  - { id: ${P}envoy, type: Person, name: Wtest Envoy }
  - { id: ${P}proposal, type: Proposal, name: Wtest proposal, status: made }
`;
    const ingested = await t.post(
      `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { entityIds summary write { replayed } } }`,
      {
        input: { document: doc, name: 'wtest.yaml' },
      },
      editor,
    );
    expect(ingested.body.errors).toBeUndefined();
    expect(ingested.body.data?.ingestDocument.entityIds.sort()).toEqual([`${P}envoy`, `${P}proposal`, `${P}report`]);
  });

  afterAll(async () => {
    await cleanUp(t);
    await t.close();
  });

  it('has a Mutation type', async () => {
    const response = await t.post('mutation { __typename }');
    expect(response.body).toEqual({ data: { __typename: 'Mutation' } });
  });

  describe('roles', () => {
    const input = { id: `${P}role-check`, type: 'PERSON', name: 'Wtest Role Check', sources: [`${P}report`] };
    it.each([
      ['an anonymous reader', {}],
      ['a reader key', bearer(KEYS.reader)],
      ['an analyst key', bearer(KEYS.analyst)],
    ])('refuses %s with FORBIDDEN', async (_name, headers) => {
      const response = await t.post(UPSERT, { input }, headers);
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'editor' });
      const [row] = await t.db.read<{ n: number }>('count', 'MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id: input.id });
      expect(row.n).toBe(0);
    });
    it('lets an editor write, and keeps mergeEntities for admins', async () => {
      const response = await t.post(UPSERT, { input }, editor);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.upsertEntity).toMatchObject({
        entityId: input.id,
        version: 1,
        created: true,
        entity: { id: input.id, name: input.name },
      });
      const merge = await t.post(MERGE, { input: { keepId: `${P}envoy`, mergeId: input.id } }, editor);
      expect(merge.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'admin' });
    });
  });

  describe('assertRelation', () => {
    const base = { type: 'PROPOSED', from: 'Wtest Envoy', to: `${P}proposal` };
    it('refuses a relation without a source, naming the field', async () => {
      const response = await t.post(ASSERT, { input: base }, editor);
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });
      expect(response.body.errors?.[0].message).toContain('input.source');
    });
    it('refuses a quote that is not verbatim in the stored source text', async () => {
      const response = await t.post(ASSERT, { input: { ...base, source: `${P}report`, quote: 'We proposed a meeting in Vienna.' } }, editor);
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quote' });
    });
    it('validates confidence and dates as seed documents do', async () => {
      const response = await t.post(ASSERT, { input: { ...base, source: `${P}report`, confidence: 1.5, date: '2025-02-30' } }, editor);
      const fields = response.body.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['input.confidence', 'input.date']));
    });
    it('refuses entity types the relation does not connect', async () => {
      const response = await t.post(ASSERT, { input: { type: 'PROPOSED', from: `${P}proposal`, to: `${P}envoy`, source: `${P}report` } }, editor);
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    });
    it('asserts with evidence, resolving names, and reads it back', async () => {
      const response = await t.post(
        ASSERT,
        {
          input: { ...base, source: 'Wtest agency report', quote: 'We proposed a meeting in Geneva.', confidence: 0.9, date: '2025-08' },
        },
        editor,
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.assertRelation).toMatchObject({
        relationId: `${P}envoy-PROPOSED-${P}proposal`,
        from: `${P}envoy`,
        to: `${P}proposal`,
        version: 1,
        created: true,
        retracted: false,
      });
      const [row] = await t.db.read<{ props: Record<string, unknown> }>(
        'rel',
        `MATCH (:Entity {id: $a})-[r:PROPOSED]->(:Entity {id: $b}) RETURN properties(r) AS props`,
        { a: `${P}envoy`, b: `${P}proposal` },
      );
      expect(row.props).toMatchObject({
        sources: [`${P}report`],
        quote: 'We proposed a meeting in Geneva.',
        confidence: 0.9,
        datePrecision: 'month',
        version: 1,
      });
    });
  });

  describe('optimistic concurrency and idempotency', () => {
    it('lets one of two concurrent updates of one version win and answers the other CONFLICT with the current version', async () => {
      const created = await t.post(UPSERT, { input: { id: `${P}race`, type: 'PERSON', name: 'Wtest Race', sources: [`${P}report`] } }, editor);
      const version = created.body.data?.upsertEntity.version;
      const update = (description: string) =>
        t.post(
          UPSERT,
          { input: { id: `${P}race`, type: 'PERSON', name: 'Wtest Race', description, sources: [`${P}report`], expectedVersion: version } },
          editor,
        );
      const results = await Promise.all([update('First writer.'), update('Second writer.')]);
      const won = results.filter((r) => !r.body.errors);
      const lost = results.filter((r) => r.body.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: version, currentVersion: version + 1 });
      expect(won[0].body.data?.upsertEntity.version).toBe(version + 1);
    });

    it('applies a request retried with the same id once', async () => {
      const input = { requestId: `${P}req-1`, type: 'PARTICIPANT_IN', from: `${P}envoy`, to: `${P}proposal`, source: `${P}report` };
      // PARTICIPANT_IN does not end at a Proposal: a refused request leaves no record and may be retried after fixing.
      expect((await t.post(ASSERT, { input }, editor)).body.errors?.[0].extensions?.field).toBe('input.to');
      const upsert = { requestId: `${P}req-2`, id: `${P}once`, type: 'PERSON', name: 'Wtest Once', sources: [`${P}report`], aliases: ['W. Once'] };
      const [first, second] = await Promise.all([t.post(UPSERT, { input: upsert }, editor), t.post(UPSERT, { input: upsert }, editor)]);
      const third = await t.post(UPSERT, { input: upsert }, editor);
      for (const r of [first, second, third]) expect(r.body.errors).toBeUndefined();
      const answers = [first, second, third].map((r) => r.body.data?.upsertEntity);
      expect(answers.filter((a) => !a.write.replayed)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.write.auditEntryId)).size).toBe(1);
      expect(answers.map((a) => a.version)).toEqual([1, 1, 1]);
      const [row] = await t.db.read<{ entries: number; version: number }>(
        'once',
        `
        MATCH (a:AuditEntry {requestId: $r}) WITH count(a) AS entries MATCH (n:Entity {id: $id}) RETURN entries, n.version AS version`,
        { r: `${P}req-2`, id: `${P}once` },
      );
      expect(row).toEqual({ entries: 1, version: 1 });
      const reused = await t.post(UPSERT, { input: { ...upsert, name: 'Someone Else' } }, editor);
      expect(reused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
    });
  });

  it('leaves the graph unchanged when a multi-step mutation fails in the middle', async () => {
    await t.post(UPSERT, { input: { id: `${P}keep-a`, type: 'PERSON', name: 'Wtest Keep A', sources: [`${P}report`] } }, editor);
    await t.post(UPSERT, { input: { id: `${P}dup-a`, type: 'PERSON', name: 'Wtest Dup A', sources: [`${P}report`] } }, editor);
    await t.post(ASSERT, { input: { type: 'PROPOSED', from: `${P}dup-a`, to: `${P}proposal`, source: `${P}report` } }, editor);
    // A stale merge record for dup-a makes the last step (recording the old id) fail after the relations were rewired.
    await t.db.write('staleMergedId', 'CREATE (:MergedId {id: $id, into: $into})', { id: `${P}dup-a`, into: `${P}nowhere` });
    const before = await graphFingerprint(t.db);
    const response = await t.post(MERGE, { input: { keepId: `${P}keep-a`, mergeId: `${P}dup-a`, requestId: `${P}req-failing-merge` } }, admin);
    expect(response.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await graphFingerprint(t.db)).toEqual(before);
    await t.db.write('dropStale', 'MATCH (m:MergedId {id: $id}) DELETE m', { id: `${P}dup-a` });
  });

  it('retracts a relation: hidden from reads, kept as history, and asserting it again brings it back', async () => {
    await t.post(UPSERT, { input: { id: `${P}ret`, type: 'PERSON', name: 'Wtest Retracted', sources: [`${P}report`] } }, editor);
    const asserted = await t.post(ASSERT, { input: { type: 'PROPOSED', from: `${P}ret`, to: `${P}proposal`, source: `${P}report` } }, editor);
    const version = asserted.body.data?.assertRelation.version;
    expect((await t.post(RELATIONS, { id: `${P}ret` })).body.data?.entity.relations.edges).toHaveLength(1);

    const stale = await t.post(
      RETRACT,
      { input: { type: 'PROPOSED', from: `${P}ret`, to: `${P}proposal`, reason: 'wrong', expectedVersion: version - 1 } },
      editor,
    );
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });
    const retracted = await t.post(
      RETRACT,
      { input: { type: 'PROPOSED', from: `${P}ret`, to: `${P}proposal`, reason: 'The report was misread.', expectedVersion: version } },
      editor,
    );
    expect(retracted.body.data?.retractRelation).toMatchObject({ retracted: true, version: version + 1 });

    expect((await t.post(RELATIONS, { id: `${P}ret` })).body.data?.entity.relations.edges).toEqual([]);
    const proposalEdges = (await t.post(RELATIONS, { id: `${P}proposal` })).body.data?.entity.relations.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(proposalEdges).not.toContain(`${P}ret`);
    const history = await t.post(
      `query($id: ID!) { retractions(entityId: $id) { kind relationId reason actor value } }`,
      { id: `${P}ret` },
      bearer(KEYS.analyst),
    );
    expect(history.body.data?.retractions).toEqual([
      expect.objectContaining({
        kind: 'RELATION',
        relationId: `${P}ret-PROPOSED-${P}proposal`,
        reason: 'The report was misread.',
        actor: 'key:test-editor',
        value: expect.objectContaining({ sources: [`${P}report`] }),
      }),
    ]);
    expect((await t.post(`query($id: ID!) { retractions(entityId: $id) { kind } }`, { id: `${P}ret` })).body.errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const [stored] = await t.db.read<{ retracted: boolean }>('stored', `MATCH (:Entity {id: $a})-[r:PROPOSED]->() RETURN r.retracted AS retracted`, {
      a: `${P}ret`,
    });
    expect(stored.retracted).toBe(true);

    const again = await t.post(ASSERT, { input: { type: 'PROPOSED', from: `${P}ret`, to: `${P}proposal`, source: `${P}report` } }, editor);
    expect(again.body.data?.assertRelation.retracted).toBe(false);
    expect((await t.post(RELATIONS, { id: `${P}ret` })).body.data?.entity.relations.edges).toHaveLength(1);
  });

  it('retracts a property value with a reason, keeping the value in the history', async () => {
    await t.post(
      UPSERT,
      {
        input: {
          id: `${P}prop`,
          type: 'MEETING',
          name: 'Wtest Meeting',
          description: 'A meeting in Geneva.',
          properties: { status: 'proposed', date: '2025-08' },
          sources: [`${P}report`],
        },
      },
      editor,
    );
    const response = await t.post(
      `mutation($input: RetractPropertyInput!) { retractProperty(input: $input) { entityId version } }`,
      {
        input: { entityId: `${P}prop`, property: 'date', reason: "The date was the report's, not the meeting's." },
      },
      editor,
    );
    expect(response.body.errors).toBeUndefined();
    const [row] = await t.db.read<{ props: Record<string, unknown> }>('prop', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props', {
      id: `${P}prop`,
    });
    expect(row.props.date).toBeUndefined();
    expect(row.props.datePrecision).toBeUndefined();
    const history = await t.post(`query($id: ID!) { retractions(entityId: $id) { kind property value } }`, { id: `${P}prop` }, bearer(KEYS.analyst));
    expect(history.body.data?.retractions).toEqual([{ kind: 'PROPERTY', property: 'date', value: { date: '2025-08-01', datePrecision: 'month' } }]);
    const protectedName = await t.post(
      `mutation($input: RetractPropertyInput!) { retractProperty(input: $input) { entityId } }`,
      {
        input: { entityId: `${P}prop`, property: 'name', reason: 'x' },
      },
      editor,
    );
    expect(protectedName.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.property' });
  });

  it('merges entities: relations rewired, names kept as aliases, the old id still resolves', async () => {
    await t.post(UPSERT, { input: { id: `${P}keep-b`, type: 'PERSON', name: 'Wtest Keep B', sources: [`${P}report`] } }, editor);
    // An explicit id is that entity, even where the name would resolve to keep-b (same surname, the only one).
    const dup = await t.post(
      UPSERT,
      { input: { id: `${P}dup-b`, type: 'PERSON', name: 'Wtest Duplicate B', aliases: ['W. Dup'], sources: [`${P}report`] } },
      editor,
    );
    expect(dup.body.data?.upsertEntity).toMatchObject({ entityId: `${P}dup-b`, created: true });
    await t.post(
      ASSERT,
      { input: { type: 'PROPOSED', from: `${P}dup-b`, to: `${P}proposal`, source: `${P}report`, quote: 'We proposed a meeting in Geneva.' } },
      editor,
    );
    const byName = await t.post(MERGE, { input: { keepId: `${P}keep-b`, mergeId: 'Wtest Duplicate B' } }, admin);
    expect(byName.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergeId' });
    const merged = await t.post(MERGE, { input: { keepId: `${P}keep-b`, mergeId: `${P}dup-b`, reason: 'Same person.' } }, admin);
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data?.mergeEntities.entity).toEqual({ id: `${P}keep-b`, name: 'Wtest Keep B', aliases: ['Wtest Duplicate B', 'W. Dup'] });
    const old = await t.post(`query($id: ID!) { entity(id: $id) { id name } }`, { id: `${P}dup-b` });
    expect(old.body.data?.entity).toEqual({ id: `${P}keep-b`, name: 'Wtest Keep B' });
    const edges = (await t.post(RELATIONS, { id: `${P}keep-b` })).body.data?.entity.relations.edges;
    expect(edges).toEqual([{ type: 'PROPOSED', direction: 'OUTGOING', node: { id: `${P}proposal` } }]);
    const [evidence] = await t.db.read<{ quote: string }>('moved', `MATCH (:Entity {id: $a})-[r:PROPOSED]->() RETURN r.quote AS quote`, {
      a: `${P}keep-b`,
    });
    expect(evidence.quote).toBe('We proposed a meeting in Geneva.');
    // Writes that name the old id reach the surviving entity.
    const viaOld = await t.post(
      UPSERT,
      { input: { id: `${P}keep-b`, type: 'PERSON', name: 'Wtest Keep B', description: 'Kept.', sources: [`${P}report`] } },
      editor,
    );
    expect(viaOld.body.errors).toBeUndefined();
    const assertedViaOld = await t.post(ASSERT, { input: { type: 'PROPOSED', from: `${P}dup-b`, to: `${P}proposal`, source: `${P}report` } }, editor);
    expect(assertedViaOld.body.data?.assertRelation.from).toBe(`${P}keep-b`);
    const trail = await t.post(AUDIT, { id: `${P}dup-b` }, admin);
    expect(trail.body.data?.auditTrail.edges.map((e: { node: { mutation: string } }) => e.node.mutation)).toEqual([
      'mergeEntities',
      'assertRelation',
      'upsertEntity',
    ]);
  });

  describe('audit trail', () => {
    it('lists each change with who, when, which request and before/after, newest first, in pages', async () => {
      const first = await t.post(
        UPSERT,
        { input: { requestId: `${P}audit-1`, id: `${P}audited`, type: 'PERSON', name: 'Wtest Audited', sources: [`${P}report`] } },
        editor,
      );
      await t.post(
        UPSERT,
        {
          input: {
            requestId: `${P}audit-2`,
            id: `${P}audited`,
            type: 'PERSON',
            name: 'Wtest Audited',
            description: 'Now described.',
            sources: [`${P}report`],
            expectedVersion: first.body.data?.upsertEntity.version,
          },
        },
        editor,
      );
      const page1 = await t.post(AUDIT, { id: `${P}audited`, first: 1 }, admin);
      expect(page1.body.errors).toBeUndefined();
      const newest = page1.body.data?.auditTrail.edges[0].node;
      expect(newest).toMatchObject({
        requestId: `${P}audit-2`,
        mutation: 'upsertEntity',
        actor: 'key:test-editor',
        role: 'EDITOR',
        entityIds: [`${P}audited`],
      });
      expect(newest.before[`${P}audited`]).toMatchObject({ version: 1, name: 'Wtest Audited' });
      expect(newest.before[`${P}audited`].description).toBeUndefined();
      expect(newest.after[`${P}audited`]).toMatchObject({ version: 2, description: 'Now described.' });
      expect(page1.body.data?.auditTrail.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.post(AUDIT, { id: `${P}audited`, first: 1, after: page1.body.data?.auditTrail.pageInfo.endCursor }, admin);
      expect(page2.body.data?.auditTrail.edges[0].node).toMatchObject({ requestId: `${P}audit-1`, before: { [`${P}audited`]: null } });
    });

    it('is for admins through GraphQL, and for analysts (not readers) through the Cypher endpoint', async () => {
      for (const headers of [{}, bearer(KEYS.reader), bearer(KEYS.analyst), editor]) {
        expect((await t.post(AUDIT, { id: `${P}audited` }, headers)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const cypher = `query { cypher(query: "MATCH (a:AuditEntry) WHERE $p IN a.entityIds RETURN a.mutation AS m, a.actor AS actor ORDER BY a.at", params: {p: "${P}audited"}) { rows } }`;
      const analyst = await t.post(cypher, undefined, bearer(KEYS.analyst));
      expect(analyst.body.errors).toBeUndefined();
      expect(analyst.body.data?.cypher.rows).toEqual([
        { m: 'upsertEntity', actor: 'key:test-editor' },
        { m: 'upsertEntity', actor: 'key:test-editor' },
      ]);
      expect((await t.post(cypher, undefined, bearer(KEYS.reader))).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('ingests a document with the seed validation: every problem reported, nothing written', async () => {
    const before = await graphFingerprint(t.db);
    const bad = `format: diplograph-seed/1
document: { id: ${P}bad }
defaults: { sources: [${P}report] }
entities:
  - { id: ${P}report, type: Source, name: Wtest agency report }
  - { id: ${P}m, type: Meeting, name: Wtest bad meeting, status: sometime }
relations:
  - { type: HELD_AT, from: ${P}m, to: ${P}nowhere }
`;
    const response = await t.post(
      `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { entityIds } }`,
      { input: { document: bad, name: 'bad.yaml' } },
      editor,
    );
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = response.body.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['input.document.entities[1].status', 'input.document.relations[0].to']));
    expect(await graphFingerprint(t.db)).toEqual(before);
  });
});

describe('bearer JWTs over HTTP', () => {
  const secret = 'an-integration-test-secret-of-40-characters';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS, JWT_SECRET: secret, JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'diplograph-test' });
  });
  afterAll(async () => {
    await t.db.write('cleanJwtWrites', "MATCH (a:AuditEntry) WHERE a.requestId STARTS WITH 'wjwt-' DETACH DELETE a");
    await t.close();
  });
  const token = (roles: string[]) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('desk@example.org')
      .setIssuer('https://issuer.test')
      .setAudience('diplograph-test')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));

  it('takes the role from the token beside API keys, and names the subject', async () => {
    const viewer = await t.post('{ viewer { role keyName subject } }', undefined, { authorization: `Bearer ${await token(['editor'])}` });
    expect(viewer.body.data?.viewer).toEqual({ role: 'EDITOR', keyName: null, subject: 'desk@example.org' });
    const key = await t.post('{ viewer { role keyName } }', undefined, bearer(KEYS.analyst));
    expect(key.body.data?.viewer).toEqual({ role: 'ANALYST', keyName: 'test-analyst' });
    const refused = await t.post(
      `mutation { retractProperty(input: { requestId: "wjwt-1", entityId: "steve-witkoff", property: "description", reason: "x" }) { version } }`,
      undefined,
      {
        authorization: `Bearer ${await token(['analyst'])}`,
      },
    );
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'editor' });
  });

  it('answers a forged token with 401 UNAUTHENTICATED', async () => {
    const [header, body] = (await token(['admin'])).split('.');
    const response = await t.post('{ viewer { role } }', undefined, { authorization: `Bearer ${header}.${body}.${'A'.repeat(43)}` });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
