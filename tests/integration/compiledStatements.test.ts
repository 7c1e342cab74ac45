import type { ProfiledPlan } from 'neo4j-driver';
import { generateGraph, graphSize } from '../../bench/limit/generateGraph';
import { workloads } from '../../bench/limit/workloads';
import { compiledStatements } from '../harness/compiledStatements';
import { deleteEntitiesWithPrefix, totalDbHits } from '../harness/testData';
import { startTestApp, type TestApp } from '../harness/testApp';

/** A small graph of bench:limit's generator (about 1,000 entities), owned by this file. */
const P = 'compiled-';

/** Nesting depth 1 to 4 under one root field, each level with its own page and evidence sources. */
const DEPTHS = [
  `{ entity(id: "${P}person-000002") { ... on Person { proposals(first: 3) { edges { evidence { source { name } } node { name } } } } } }`,
  `{ entity(id: "${P}person-000002") { ... on Person { proposals(first: 3) { edges { evidence { source { name } } node { name
      ... on Proposal { addressees(first: 2) { totalCount edges { node { name } } } } } } } } } }`,
  `{ proposals(first: 10) { edges { node { name addressees(first: 2) { edges { evidence { source { name } } node { name
      ... on Person { offices { edges { node { name country { edges { node { name } } } } } } } } } } } } } }`,
  // Page sizes given at every level: with the defaults (20 at each level) the cost estimate refuses it.
  `{ persons(first: 10) { edges { node { name proposals(first: 3) { edges { node { name addressees(first: 3) { edges { node { name
      ... on Person { offices(first: 3) { edges { evidence { source { id } } node { name country(first: 1) { totalCount edges { node { name } } } } } } } } } } } } } } } } }`,
];

describe('compiled statements on a generated graph', () => {
  let t: TestApp;

  async function profile(text: string, params: Record<string, unknown>) {
    const session = t.db.driver.session({ database: t.db.database });
    try {
      const result = await session.run(`PROFILE ${text}`, params);
      return totalDbHits(result.summary.profile as ProfiledPlan);
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    await generateGraph(t.db, P, graphSize(0.01), () => {});
  });

  afterAll(async () => {
    await deleteEntitiesWithPrefix(t.db, P);
    await t.close();
  });

  it.each(DEPTHS.map((query, i) => [i + 1, query]))('answers nesting depth %i in one round-trip', async (depth, query) => {
    const result = await t.app.execute(query as string);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain('"name"');
    expect(result.roundTrips).toBe(1);
    if (depth === 4) {
      const offices = (result.data as any).persons.edges.flatMap((e: any) =>
        e.node.proposals.edges.flatMap((p: any) => p.node.addressees.edges.flatMap((a: any) => a.node.offices.edges)),
      );
      expect(offices.length).toBeGreaterThan(0);
      expect(offices.every((o: any) => o.node.country.totalCount === 1 && o.evidence.length === 1)).toBe(true);
    }
  });

  it('walks relations of several types in both directions page by page, whatever else the edges select', async () => {
    // A proposal: PROPOSED from its proposer, PROPOSED_TO its addressees.
    const id = `${P}proposal-000000`;
    const all = await t.app.execute(`query($id: ID!) { entity(id: $id) { relations(first: 100) { edges { type direction node { id } } } } }`, { id });
    const expected = all.data!.entity.relations.edges.map((e: any) => `${e.type} ${e.direction} ${e.node.id}`);
    expect(new Set(expected.map((e: string) => e.split(' ')[1])).size).toBe(2);
    expect(new Set(expected.map((e: string) => e.split(' ')[0])).size).toBeGreaterThanOrEqual(2);
    // Pages that select only cursors (the statement returns each edge's sort key alone), then whole edges from those cursors.
    const cursors: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page = await t.app.execute(
        `query($id: ID!, $after: String) { entity(id: $id) { relations(first: 2, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } } }`,
        { id, after },
      );
      expect(page.errors).toBeUndefined();
      const { edges, pageInfo } = page.data!.entity.relations;
      cursors.push(...edges.map((e: any) => e.cursor));
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
    }
    expect(cursors).toHaveLength(expected.length);
    const walked: string[] = [];
    for (const after of [null, ...cursors.slice(0, -1)]) {
      const page = await t.app.execute(
        `query($id: ID!, $after: String) { entity(id: $id) { relations(first: 1, after: $after) { edges { type direction node { id } } } } }`,
        { id, after },
      );
      walked.push(...page.data!.entity.relations.edges.map((e: any) => `${e.type} ${e.direction} ${e.node.id}`));
    }
    expect(walked).toEqual(expected);
  });

  it('reports a self-loop once, as OUTGOING, on typed fields and on relations alike', async () => {
    const id = `${P}person-000003`;
    const adviser = `${P}person-000004`;
    await t.db.write('selfLoop', 'MATCH (p:Person {id: $id}) MERGE (p)-[:ADVISER_TO {sources: []}]->(p)', { id });
    try {
      const result = await t.app.execute(
        `query($id: ID!) { entity(id: $id) { ... on Person {
          advises { totalCount edges { direction node { id } } }
          advisers { totalCount edges { node { id } } }
          relations(types: ["ADVISER_TO"]) { totalCount edges { direction node { id } } } } } }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      const { advises, advisers, relations } = result.data!.entity;
      expect(advises).toEqual({ totalCount: 1, edges: [{ direction: 'OUTGOING', node: { id } }] });
      expect(advisers).toEqual({ totalCount: 0, edges: [] });
      expect(relations).toEqual({ totalCount: 1, edges: [{ direction: 'OUTGOING', node: { id } }] });
      // An incoming count takes the self-loops away from all it counted: beside another adviser, the self-loop is still not one.
      await t.db.write('adviser', 'MATCH (a:Person {id: $adviser}), (p:Person {id: $id}) MERGE (a)-[:ADVISER_TO {sources: []}]->(p)', { id, adviser });
      const beside = await t.app.execute(`query($id: ID!) { entity(id: $id) { ... on Person { advisers { totalCount edges { node { id } } } } } }`, {
        id,
      });
      expect(beside.errors).toBeUndefined();
      expect(beside.data!.entity.advisers).toEqual({ totalCount: 1, edges: [{ node: { id: adviser } }] });
    } finally {
      await t.db.write('selfLoopGone', 'MATCH (p:Person {id: $id})<-[r:ADVISER_TO]-(a:Person) WHERE a.id IN [$id, $adviser] DELETE r', { id, adviser });
    }
  });

  it('gives the evidence of an edge in the order its sources were added, with or without the other evidence fields', async () => {
    const [{ ids }] = await t.db.read<{ ids: string[] }>(
      'sourceIds',
      'MATCH (s:Source) WHERE s.id STARTS WITH $p WITH s ORDER BY s.id LIMIT 3 RETURN collect(s.id) AS ids',
      { p: P },
    );
    const added = [ids[2], ids[0], ids[1]];
    const [{ proposal }] = await t.db.write<{ proposal: string }>(
      'reorderSources',
      'MATCH (:Person {id: $person})-[r:PROPOSED]->(q:Proposal) WITH r, q ORDER BY q.id LIMIT 1 SET r.sources = $added RETURN q.id AS proposal',
      { person: `${P}person-000002`, added },
    );
    for (const evidence of ['evidence { source { id } }', 'evidence { quote source { id } }']) {
      const result = await t.app.execute(`query($id: ID!) { entity(id: $id) { ... on Proposal { proposer { edges { ${evidence} } } } } }`, {
        id: proposal,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.entity.proposer.edges[0].evidence.map((e: any) => e.source.id)).toEqual(added);
    }
  });

  it.each([0, 1])("reads no more than 1.5x the db hits of W%# 's hand-written statement", async (index) => {
    const workload = workloads(P)[index];
    const [compiled] = await compiledStatements(workload.query, workload.variables);
    const api = await profile(compiled.text, compiled.params);
    const limit = await profile(workload.cypher, workload.params);
    // Same data first: the API's answer is the hand-written one's, byte for byte.
    const answer = await t.app.execute(workload.query, workload.variables);
    const session = t.db.driver.session({ database: t.db.database });
    const rows = await session.run(workload.cypher, workload.params).finally(() => session.close());
    const { toPlain } = await import('../../src/db/toPlain');
    expect(JSON.stringify(answer.data)).toBe(JSON.stringify(workload.data(rows.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>))));
    process.stdout.write(`${workload.name}: ${api} db hits compiled, ${limit} hand-written (x${(api / limit).toFixed(2)})\n`);
    expect(api).toBeLessThanOrEqual(1.5 * limit);
  });

  it('reads the row after a list page only when hasNextPage is selected', async () => {
    const page = '{ persons(first: 5) { edges { node { name } } } }';
    const withNext = '{ persons(first: 5) { pageInfo { hasNextPage endCursor } edges { node { name } } } }';
    expect((await compiledStatements(page))[0].params.limit).toBe(5);
    expect((await compiledStatements(withNext))[0].params.limit).toBe(6);
    const [plain, asked] = await Promise.all([t.app.execute(page), t.app.execute(withNext)]);
    expect(plain.data!.persons.edges).toHaveLength(5);
    expect(asked.data!.persons.edges.map((e: any) => e.node.name)).toEqual(plain.data!.persons.edges.map((e: any) => e.node.name));
    expect(asked.data!.persons.pageInfo.hasNextPage).toBe(true);
  });

  /** A search through the API, with the db hits of its compiled statement (every hit the index hands over is read). */
  async function search(text: string, first: number, types = '') {
    const query = `query($text: String!) { search(text: $text, first: ${first}${types}) { entity { id } } }`;
    const [compiled] = await compiledStatements(query, { text });
    const answer = await t.app.execute(query, { text });
    expect(answer.errors).toBeUndefined();
    return { dbHits: await profile(compiled.text, compiled.params), ids: answer.data!.search.map((hit: any) => hit.entity.id) };
  }

  it('hands Cypher only the best `first` hits of a search without types', async () => {
    // Every generated person is named "Person NNNNNN": the word "person" alone matches all 500 of them.
    const unfiltered = await search('person 000007', 3);
    expect(unfiltered.dbHits).toBeLessThan(50);
    expect(unfiltered.ids[0]).toBe(`${P}person-000007`);
    const typed = await search('person 000007', 3, ', types: [PERSON]');
    expect(typed.ids[0]).toBe(`${P}person-000007`);
    expect(typed.dbHits).toBeGreaterThan(unfiltered.dbHits);
  });

  it('takes a type from the best hits when they hold enough of it, and from every hit when they do not', async () => {
    // 150 short names and one long one: the long name scores lowest, below the 100 best hits a typed search looks at first.
    await t.db.write(
      'searchFixture',
      `UNWIND range(1, 150) AS i
       CREATE (:Entity:Person {id: $p + 'zyxwv-person-' + i, name: 'Zyxwv ' + i, aliases: [], aliasesText: ''})
       WITH count(*) AS made
       CREATE (:Entity:Office {id: $p + 'zyxwv-office', name: 'Zyxwv of the long road with many more words in its name', aliases: [], aliasesText: ''})`,
      { p: P },
    );
    const persons = await search('zyxwv', 3, ', types: [PERSON]');
    expect(persons.ids).toHaveLength(3);
    expect(persons.ids.every((id: string) => id.startsWith(`${P}zyxwv-person-`))).toBe(true);
    const office = await search('zyxwv', 1, ', types: [OFFICE]');
    expect(office.ids).toEqual([`${P}zyxwv-office`]);
    // The office needed every hit; the persons, only the best 100.
    expect(office.dbHits).toBeGreaterThan(persons.dbHits);
  });
});
