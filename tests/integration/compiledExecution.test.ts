import { startTestApp, type TestApp } from '../harness/testApp';

/** One request of the corpus: a typed read over the seeded article graph. */
interface Read {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * Typed reads that cover what the compiled executor must answer as
 * graphql-js does: aliases, fragments on types and on the interface,
 * __typename, enums, dates, JSON properties, lazy cursors and totals,
 * @include/@skip, variables, nulls for unknown ids, loader-backed fields
 * (claims) and nesting four relation levels deep.
 */
const READS: Read[] = [
  {
    name: 'who proposed what to whom, with evidence',
    query: `{ proposals(where: { status: [UNANSWERED] }) { totalCount edges { cursor node { id name purpose status statusText
      proposer { edges { type direction node { __typename id name } evidence { source { id name } quote confidence dateText statement { id kind } } } }
      addressees { edges { node { id name } role } }
      meeting { edges { node { id status format participants { pageInfo { hasNextPage endCursor } edges { status node { id } } } } } }
      responses { edges { type node { id } properties evidence { source { id } quote } } } } } } }`,
  },
  {
    name: 'an entity page with fragments, aliases and relations of several types',
    query: `{ witkoff: entity(id: "steve-witkoff") { __typename id name aliases description
      ... on Person { offices { totalCount } principals { edges { role node { __typename id name } evidence { source { id } confidence } } }
        represents { edges { role node { id ... on Country { isoCode } } evidence { quote statement { id kind quote } } } }
        visited { edges { node { id name } evidence { date datePrecision } } }
        relations(types: ["ENVOY_OF", "PROPOSED", "VISITED"], direction: OUTGOING) { totalCount edges { cursor type direction node { id } } } } } }`,
  },
  {
    name: 'four relation levels',
    query: `{ entity(id: "vladimir-putin") { name ... on Person { advisers { edges { role properties node { id name
      statements { totalCount edges { node { id kind quote reportedBy { edges { node { id publisher { edges { node { name } } } } } } } } } } } } } } }`,
  },
  {
    name: 'a list page by cursor, with pageInfo, in both orders',
    query: `query($after: String) { persons(first: 3, after: $after, orderBy: NAME_DESC) { totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { __typename id name } } }
      places(first: 2) { edges { node { id name } } } }`,
  },
  {
    name: 'search with variables and a type filter',
    query: 'query($text: String!, $types: [EntityType!]) { search(text: $text, types: $types, first: 5) { score entity { __typename id name } } }',
    variables: { text: 'Putin', types: ['PERSON', 'OFFICE'] },
  },
  {
    name: 'node and entities, with unknown ids',
    query: `{ node(id: "russia") { __typename id ... on Country { isoCode } } missing: entity(id: "no-such-entity") { id }
      entities(ids: ["russia", "no-such-entity", "moscow"]) { __typename id name } }`,
  },
  {
    name: '@include and @skip on variables',
    query: `query($evidence: Boolean!, $names: Boolean!) { persons(first: 5) { edges { node { id name @skip(if: $names)
      proposals { edges { node { id } evidence @include(if: $evidence) { quote source { id } } } } } } } }`,
    variables: { evidence: true, names: true },
  },
  {
    name: 'claims, read through a loader',
    query: '{ entity(id: "proposal-three-way-meeting") { id claims { property value source { id } quote } } }',
  },
  {
    name: 'a figure and a source',
    query: `{ figure: entity(id: "figure-civilian-deaths") { ... on Figure { measure lowerBound unit qualifier approximate attributedTo { edges { node { id } } } } }
      afp: entity(id: "afp-report-ushakov") { ... on Source { kind publisher { edges { node { id } } } cites { edges { role node { id } } } } } }`,
  },
];

const executions = async (t: TestApp) => {
  const text = await (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
  const count = (executor: string) => Number(new RegExp(`diplograph_graphql_executions_total\\{executor="${executor}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { compiled: count('compiled'), graphqlJs: count('graphql-js'), rerun: count('rerun') };
};

describe('compiled execution of typed reads', () => {
  let reference: TestApp;
  let compiled: TestApp;
  beforeAll(async () => {
    // The compile budget at its largest: these tests count how each use ran, so none may wait for the budget.
    [reference, compiled] = await Promise.all([
      startTestApp({ GRAPHQL_COMPILE_AFTER: '0' }),
      startTestApp({ GRAPHQL_COMPILE_AFTER: '2', GRAPHQL_COMPILE_MS_PER_SECOND: '1000' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([reference.close(), compiled.close()]);
  });

  it.each(READS)('answers $name byte for byte as graphql-js does, once compiled', async ({ query, variables }) => {
    const expected = await reference.post(query, variables);
    expect(expected.body.errors).toBeUndefined();
    const before = await executions(compiled);
    // The first use runs in graphql-js, the second compiles, the third runs what was compiled.
    const answers = [await compiled.post(query, variables), await compiled.post(query, variables), await compiled.post(query, variables)];
    for (const answer of answers) expect(JSON.stringify(answer.body)).toBe(JSON.stringify(expected.body));
    const after = await executions(compiled);
    expect(after).toEqual({ compiled: before.compiled + 2, graphqlJs: before.graphqlJs + 1, rerun: before.rerun });
  });

  it('answers an error of a compiled read as graphql-js does, by running it again in graphql-js', async () => {
    const query = 'query($after: String) { persons(first: 2, after: $after) { edges { node { id } } } }';
    const good = { after: null };
    const bad = { after: 'not-a-cursor' };
    await compiled.post(query, good);
    await compiled.post(query, good);
    const before = await executions(compiled);
    const [expected, answer] = [await reference.post(query, bad), await compiled.post(query, bad)];
    expect(expected.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.status).toBe(expected.status);
    expect(JSON.stringify(answer.body)).toBe(JSON.stringify(expected.body));
    expect(await executions(compiled)).toEqual({ ...before, rerun: before.rerun + 1 });
  });

  it('runs an operation again in graphql-js from the rows its compiled run read, without reading them again', async () => {
    // A relation page too large for LIST_MAX_LIMIT: the list is read, then the relation field reports the error at its path.
    const query = '{ persons(first: 2, orderBy: ID_ASC) { edges { node { id offices(first: 101) { edges { node { id } } } } } } }';
    const expected = await reference.app.execute(query);
    expect(expected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(expected.errors?.[0]?.path).toEqual(['persons', 'edges', 0, 'node', 'offices']);
    expect(expected.roundTrips).toBe(1);
    await compiled.app.execute(query);
    const before = await executions(compiled);
    // The second use compiles and runs it compiled, the third runs what was compiled: each reports the error and runs again.
    for (const answer of [await compiled.app.execute(query), await compiled.app.execute(query)]) {
      expect(JSON.stringify(answer.errors)).toBe(JSON.stringify(expected.errors));
      expect(JSON.stringify(answer.data)).toBe(JSON.stringify(expected.data));
      expect(answer.roundTrips).toBe(1);
    }
    expect(await executions(compiled)).toEqual({ ...before, rerun: before.rerun + 2 });
  });

  /**
   * Odd variables: graphql-jit coerces variables with code of its own, so a
   * compiled operation must refuse what graphql-js refuses and take what it
   * takes (NonNegativeInt takes 1.5 and "3"; one id stands for a list of one).
   */
  const ODD_VARIABLES: Array<Record<string, unknown>> = [
    { first: 1.5 },
    { first: '3' },
    { first: null, where: { idIn: 'russia' } },
    { first: -1 },
    { first: 2 ** 40 },
    { where: { name: { nope: 'x' } } },
    { where: { id: { not: 'an id' } } },
    { where: { unknown: 1 } },
    { orderBy: 'SIDEWAYS' },
    { after: 12 },
  ];

  it('refuses most of the odd variables', async () => {
    const query =
      'query($first: NonNegativeInt, $where: PersonWhere, $orderBy: EntityOrder, $after: String) { persons(first: $first, where: $where, orderBy: $orderBy, after: $after) { totalCount } }';
    const refused = [];
    for (const variables of ODD_VARIABLES) if ((await reference.post(query, variables)).body.errors) refused.push(variables);
    expect(refused).toEqual(ODD_VARIABLES.slice(3));
  });

  it.each(ODD_VARIABLES)('answers the variables %j as graphql-js does, once the operation is compiled', async (variables) => {
    const query = `query($first: NonNegativeInt, $where: PersonWhere, $orderBy: EntityOrder, $after: String) {
      persons(first: $first, where: $where, orderBy: $orderBy, after: $after) { edges { node { id } } } }`;
    await compiled.post(query, {});
    await compiled.post(query, {});
    const [expected, answer] = [await reference.post(query, variables), await compiled.post(query, variables)];
    expect(answer.status).toBe(expected.status);
    expect(JSON.stringify(answer.body)).toBe(JSON.stringify(expected.body));
  });

  /**
   * Plans are kept per field of the parsed operation (planOnce): one
   * fragment's root field merged with more fields in one operation, and
   * alone in the other, is two plans; other variables are other plans.
   */
  it('keeps a plan per operation and variables: a shared fragment, merged fields, other variables', async () => {
    const query = `query Alone($first: NonNegativeInt) { ...Page }
      query Merged($first: NonNegativeInt) { ...Page persons(first: $first) { edges { node { name } } } }
      fragment Page on Query { persons(first: $first) { edges { node { id } } } }`;
    const post = async (t: TestApp, operationName: string, first: number) => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName, variables: { first } }),
      });
      return response.json() as Promise<{ data?: { persons: { edges: Array<{ node: Record<string, unknown> }> } }; errors?: unknown }>;
    };
    for (const [operationName, first] of [
      ['Alone', 2],
      ['Merged', 2],
      ['Alone', 2],
      ['Merged', 3],
      ['Merged', 2],
      ['Alone', 3],
      ['Alone', 3],
    ] as const) {
      const [expected, answer] = [await post(reference, operationName, first), await post(compiled, operationName, first)];
      expect(expected.errors).toBeUndefined();
      expect(answer).toEqual(expected);
      expect(answer.data!.persons.edges).toHaveLength(first);
      expect(Object.keys(answer.data!.persons.edges[0].node)).toEqual(operationName === 'Merged' ? ['id', 'name'] : ['id']);
    }
  });

  it('runs relations of relations in graphql-js on every use: compiling them would hold the only thread for seconds', async () => {
    // Each level is written out once per entity type it can reach: three levels took 1.7 s to compile.
    const query = `{ entity(id: "vladimir-putin") { relations(first: 3) { edges { node { id relations(first: 3) { edges { node { id
      relations(first: 3) { edges { evidence { quote } node { id name } } } } } } } } } } }`;
    const expected = await reference.post(query);
    expect(expected.body.errors).toBeUndefined();
    const before = await executions(compiled);
    for (let i = 0; i < 3; i += 1) expect(JSON.stringify((await compiled.post(query)).body)).toBe(JSON.stringify(expected.body));
    expect(await executions(compiled)).toEqual({ ...before, graphqlJs: before.graphqlJs + 3 });
  });

  it('runs mutations and the analyst and exploration fields in graphql-js only', async () => {
    const query = '{ serverInfo { version } persons(first: 1) { edges { node { id } } } }';
    const before = await executions(compiled);
    for (let i = 0; i < 3; i += 1) expect((await compiled.post(query)).body.errors).toBeUndefined();
    expect(await executions(compiled)).toEqual({ ...before, graphqlJs: before.graphqlJs + 3 });
  });
});
