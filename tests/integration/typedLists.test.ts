import { startTestApp, type TestApp } from '../harness/testApp';

const PREFIX = 'typed-list-';
const PERSONS = 260;
/** Names repeat (every 97 persons), so the id must break ties for the order to be total. */
const nameOf = (i: number) => `Tlist ${['Ab', 'ab', 'Zo', 'Mé', 'mu'][i % 5]} ${String(i % 97).padStart(2, '0')}`;
const idOf = (i: number) => `${PREFIX}p-${String(i).padStart(3, '0')}`;
const TEST_PERSONS = { name: { startsWith: 'tlist ' } };

const PAGE = `
query Page($where: PersonWhere, $orderBy: EntityOrder, $first: NonNegativeInt, $after: String) {
  persons(where: $where, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** Code-point order, as Neo4j sorts strings. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('list queries: filters, orders, keyset pagination', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const rows = Array.from({ length: PERSONS }, (_, i) => ({
      id: idOf(i),
      name: nameOf(i),
      aliases: i % 10 === 0 ? [`Alias Zyxw ${i}`] : [],
      adviser: i % 25 === 0,
    }));
    await t.db.write(
      'createListData',
      `CREATE (org:Entity:Organization {id: $prefix + 'org', name: 'Tlist organization', aliases: []})
       CREATE (src:Entity:Source {id: $prefix + 'source', name: 'Tlist source', aliases: []})
       WITH org, src
       UNWIND $rows AS row
       CREATE (p:Entity:Person {id: row.id, name: row.name, aliases: row.aliases})
       FOREACH (_ IN CASE WHEN row.adviser THEN [1] ELSE [] END |
         CREATE (p)-[:ADVISER_TO {sources: [src.id], confidence: 1.0}]->(org))`,
      { prefix: PREFIX, rows },
    );
    await t.db.write(
      'createListMeetings',
      `UNWIND $meetings AS m
       CREATE (n:Entity:Meeting {id: $prefix + m.id, name: m.name, aliases: [], status: m.status})
       SET n.date = CASE WHEN m.date IS NULL THEN null ELSE date(m.date) END`,
      {
        prefix: PREFIX,
        meetings: [
          { id: 'm1', name: 'Tlist meeting one', status: 'held', date: '2024-03-01' },
          { id: 'm2', name: 'Tlist meeting two', status: 'agreed', date: '2025-01-01' },
          { id: 'm3', name: 'Tlist meeting three', status: 'proposed', date: null },
          { id: 'm4', name: 'Tlist meeting four', status: 'held', date: '2025-06-15' },
          { id: 'm5', name: 'Tlist meeting five', status: 'proposed', date: null },
        ],
      },
    );
  });
  afterAll(async () => {
    await t.db.write('deleteListData', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
    await t.close();
  });

  async function walk(orderBy: string, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const { body } = await t.post(PAGE, { where: TEST_PERSONS, orderBy, first, after });
      expect(body.errors).toBeUndefined();
      const page = body.data!.persons;
      ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      expect(page.pageInfo.startCursor).toBe(page.edges.at(0)?.cursor ?? null);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      if (!page.pageInfo.hasNextPage) return { ids, pages: pages + 1 };
      after = page.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  const all = Array.from({ length: PERSONS }, (_, i) => ({ id: idOf(i), name: nameOf(i) }));
  const nameAsc = [...all].sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id)).map((p) => p.id);

  it('walks every person exactly once, in name order with ids breaking ties', async () => {
    const { ids, pages } = await walk('NAME_ASC', 37);
    expect(pages).toBe(Math.ceil(PERSONS / 37));
    expect(new Set(ids).size).toBe(PERSONS);
    expect(ids).toEqual(nameAsc);
  });

  it('walks them in reverse with NAME_DESC, and by id with ID_ASC / ID_DESC, at the largest page size', async () => {
    expect((await walk('NAME_DESC', 100)).ids).toEqual([...nameAsc].reverse());
    const byId = all.map((p) => p.id).sort(byCodePoint);
    expect((await walk('ID_ASC', 100)).ids).toEqual(byId);
    expect((await walk('ID_DESC', 41)).ids).toEqual([...byId].reverse());
  });

  it('counts in the page statement when totalCount is selected, and runs no page for totalCount alone', async () => {
    const query = (selection: string) => `query($where: PersonWhere) { persons(where: $where, first: 5) { ${selection} } }`;
    const runCounting = async (selection: string) => {
      const ctx = t.app.contextFor();
      const texts: string[] = [];
      const read = ctx.db.read.bind(ctx.db);
      ctx.db.read = (name, text, params, options) => {
        texts.push(text);
        return read(name, text, params, options);
      };
      const result = await t.app.apollo.executeOperation({ query: query(selection), variables: { where: TEST_PERSONS } }, { contextValue: ctx });
      const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
      expect(body?.errors).toBeUndefined();
      return { data: body?.data as any, roundTrips: ctx.db.roundTrips, texts };
    };
    const without = await runCounting('edges { node { id } }');
    expect(without.roundTrips).toBe(1);
    expect(without.data.persons.edges).toHaveLength(5);
    expect(without.texts[0]).not.toContain('count(n)');
    const withCount = await runCounting('edges { node { id } } totalCount');
    expect(withCount.roundTrips).toBe(1);
    expect(withCount.data.persons.totalCount).toBe(PERSONS);
    expect(withCount.data.persons.edges).toHaveLength(5);
    const countOnly = await runCounting('totalCount');
    expect(countOnly.roundTrips).toBe(1);
    expect(countOnly.data.persons.totalCount).toBe(PERSONS);
    expect(countOnly.texts[0]).toContain('count(n)');
    expect(countOnly.texts[0]).not.toMatch(/ORDER BY|LIMIT|collect\(/);
  });

  it('filters by id, id list, name or alias (ignoring case) and relation', async () => {
    const { body } = await t.post(
      `query($id: ID, $ids: [ID!], $org: ID!) {
        byId: persons(where: { id: $id }) { edges { node { id } } }
        byIds: persons(where: { idIn: $ids }, orderBy: ID_DESC) { edges { node { id } } }
        contains: persons(where: { name: { contains: "MÉ 0" } }, first: 100) { totalCount }
        alias: persons(where: { name: { contains: "zyxw 1" } }, first: 100) { edges { node { id aliases } } }
        equals: persons(where: { name: { equals: "tlist ab 05" } }) { edges { node { id name } } }
        advisers: persons(where: { relatedTo: [{ id: $org, types: ["ADVISER_TO"], direction: OUTGOING }] }, first: 100) { totalCount edges { node { id } } }
        wrongWay: persons(where: { relatedTo: [{ id: $org, direction: INCOMING }] }) { totalCount }
      }`,
      { id: idOf(7), ids: [idOf(3), idOf(200), 'no-such-id'], org: `${PREFIX}org` },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data!;
    expect(d.byId.edges).toEqual([{ node: { id: idOf(7) } }]);
    expect(d.byIds.edges).toEqual([{ node: { id: idOf(200) } }, { node: { id: idOf(3) } }]);
    // "Mé 0x": i % 5 === 3 and i % 97 < 10.
    const expectedContains = all.filter((p) => p.name.toLowerCase().includes('mé 0')).length;
    expect(expectedContains).toBeGreaterThan(0);
    expect(d.contains.totalCount).toBe(expectedContains);
    // Aliases "Alias Zyxw 1x" exist for i = 10, 100..190 (every tenth); contains "zyxw 1" matches 10, 100, 110 ... 190.
    expect(d.alias.edges.map((e: any) => e.node.id).sort()).toEqual([10, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190].map(idOf).sort());
    expect(d.equals.edges.map((e: any) => e.node.name)).toEqual(all.filter((p) => p.name.toLowerCase() === 'tlist ab 05').map((p) => p.name));
    const advisers = all.filter((_, i) => i % 25 === 0).map((p) => p.id);
    expect(d.advisers.totalCount).toBe(advisers.length);
    expect(d.advisers.edges.map((e: any) => e.node.id).sort()).toEqual(advisers.sort());
    expect(d.wrongWay.totalCount).toBe(0);
  });

  it('filters meetings by status and date range, and orders them by date with undated ones last (asc) or first (desc)', async () => {
    const { body } = await t.post(
      `{
        held: meetings(where: { name: { startsWith: "tlist" }, status: [HELD] }, orderBy: ID_ASC) { edges { node { id status } } }
        in2025: meetings(where: { name: { startsWith: "tlist" }, date: { from: "2025-01-01", to: "2025-12-31" } }, orderBy: DATE_ASC) { edges { node { id date } } }
        asc: meetings(where: { name: { startsWith: "tlist" } }, orderBy: DATE_ASC, first: 2) { edges { cursor node { id } } pageInfo { endCursor } }
        desc: meetings(where: { name: { startsWith: "tlist" } }, orderBy: DATE_DESC) { edges { node { id } } }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const d = body.data!;
    const ids = (conn: any) => conn.edges.map((e: any) => e.node.id.slice(PREFIX.length));
    expect(d.held.edges).toEqual([{ node: { id: `${PREFIX}m1`, status: 'HELD' } }, { node: { id: `${PREFIX}m4`, status: 'HELD' } }]);
    expect(d.in2025.edges.map((e: any) => e.node.date)).toEqual(['2025-01-01', '2025-06-15']);
    expect(ids(d.desc)).toEqual(['m5', 'm3', 'm4', 'm2', 'm1']);
    // Walk DATE_ASC two at a time across the dated/undated boundary.
    const seen = ids(d.asc);
    let after = d.asc.pageInfo.endCursor;
    while (after) {
      const next = await t.post(
        `query($after: String) { meetings(where: { name: { startsWith: "tlist" } }, orderBy: DATE_ASC, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(next.body.errors).toBeUndefined();
      seen.push(...ids(next.body.data!.meetings));
      after = next.body.data!.meetings.pageInfo.hasNextPage ? next.body.data!.meetings.pageInfo.endCursor : null;
    }
    expect(seen).toEqual(['m1', 'm2', 'm4', 'm3', 'm5']);
  });

  it('refuses a page larger than the maximum, naming the argument, the value and the maximum', async () => {
    const { body } = await t.post(PAGE, { first: 101 });
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first', value: 101, max: 100 });
    expect(body.errors?.[0].message).toMatch(/first.*100.*101/);
    // Below zero the NonNegativeInt scalar refuses it before any resolver: through a variable, and as a literal.
    const negative = await t.post(PAGE, { first: -1 });
    expect(negative.body.data).toBeUndefined();
    expect(negative.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.body.errors?.[0].message).toMatch(/\$first.*-1/);
    const literal = await t.post(`{ entity(id: "${idOf(0)}") { relations(first: -1) { totalCount } } }`);
    expect(literal.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.body.errors?.[0].message).toMatch(/non-negative.*-1/);
    const relations = await t.post(`{ entity(id: "${idOf(0)}") { relations(first: 500) { totalCount } } }`);
    expect(relations.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first', value: 500 });
  });

  it('refuses bad cursors: garbage, a cursor of another order, a forged sort key', async () => {
    const first = await t.post(PAGE, { where: TEST_PERSONS, orderBy: 'NAME_ASC', first: 1 });
    const cursor = first.body.data!.persons.pageInfo.endCursor as string;
    const forged = Buffer.from(JSON.stringify({ o: 'NAME_ASC', k: [null, 5] })).toString('base64url');
    for (const [after, orderBy] of [
      ['not a cursor!', 'NAME_ASC'],
      ['eyJub3QiOiJqc29uIg', 'NAME_ASC'],
      [cursor, 'ID_ASC'],
      [forged, 'NAME_ASC'],
    ]) {
      const { body } = await t.post(PAGE, { orderBy, after });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(body.errors?.[0].message).toContain('after');
    }
    const relations = await t.post(`{ entity(id: "${idOf(0)}") { relations(after: "${cursor}") { totalCount } } }`);
    expect(relations.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('answers unknown enum values with BAD_USER_INPUT, literal or through variables, and unknown relation types too', async () => {
    const literal = await t.post('{ persons(orderBy: SIDEWAYS) { totalCount } }');
    expect(literal.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.body.errors?.[0].message).toContain('SIDEWAYS');
    const variable = await t.post(PAGE, { orderBy: 'SIDEWAYS' });
    expect(variable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const relationType = await t.post(`{ persons(where: { relatedTo: [{ id: "x", types: ["KNOWS_OF"] }] }) { totalCount } }`);
    expect(relationType.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where.relatedTo[0].types', value: 'KNOWS_OF' });
    const relations = await t.post(`{ entity(id: "${idOf(0)}") { relations(types: ["ADVISER_TO", "bad type"]) { totalCount } } }`);
    expect(relations.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'types', value: 'bad type' });
  });

  it('pages through relations with cursors, one edge at a time, each edge once', async () => {
    const org = `${PREFIX}org`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await t.post(
        `query($id: ID!, $after: String) { entity(id: $id) { ... on Organization { advisers(first: 4, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`,
        { id: org, after },
      );
      expect(body.errors).toBeUndefined();
      const advisers = body.data!.entity.advisers;
      expect(advisers.totalCount).toBe(Math.ceil(PERSONS / 25));
      seen.push(...advisers.edges.map((e: any) => e.node.id));
      after = advisers.pageInfo.hasNextPage ? advisers.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(
      all
        .filter((_, i) => i % 25 === 0)
        .map((p) => p.id)
        .sort(byCodePoint),
    );
  });

  it('serves a late page through the (name, id) index: a range seek in index order, no sort', async () => {
    const { listQuery, ORDERINGS } = await import('../../src/lists');
    const { keysetCondition } = await import('../../src/lists/keysetCondition');
    const operatorsOf = async (orderBy: 'NAME_ASC' | 'NAME_DESC') => {
      const ordering = ORDERINGS[orderBy];
      const after = keysetCondition(ordering, 'Tlist mu', idOf(4));
      const session = t.db.openSession('READ');
      try {
        const result = await session.run(`EXPLAIN ${listQuery('Person', [after], ordering, true, 'n { .id, .name }')}`, {
          ...after.params,
          limit: 21,
          label: 'Person',
        });
        const operators: string[] = [];
        const visit = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
          operators.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`);
          plan.children.forEach((child) => visit(child as typeof plan));
        };
        visit(result.summary.plan as never);
        return operators;
      } finally {
        await session.close();
      }
    };
    for (const orderBy of ['NAME_ASC', 'NAME_DESC'] as const) {
      const operators = await operatorsOf(orderBy);
      expect(operators.some((op) => /^NodeIndexSeek .*n:Person\(name, id\)/.test(op))).toBe(true);
      expect(operators.some((op) => /^(Sort|PartialSort|Top|PartialTop|NodeByLabelScan)\b/.test(op))).toBe(false);
    }
  });
});
