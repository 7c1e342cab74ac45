import { Kind, getVariableValues, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costLimitsOf, estimateCost, type CostLimits } from '../../src/admission';
import { loadConfig } from '../../src/config';
import { buildSchema } from '../../src/schema';

const schema = buildSchema();
const config = loadConfig({});
const limits: CostLimits = costLimitsOf(config);

/** Estimates an operation the way the cost plugin does: variables coerced first. */
function estimate(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return estimateCost(schema, operation, fragments, coerced.coerced, limits);
}

const EVIDENCE = 'evidence { quote source { id name } }';
const HUB_FOUR_DEEP = `query($id: ID!, $n: NonNegativeInt) { entity(id: $id) {
  relations(first: $n) { edges { node { relations(first: $n) { edges { node {
    relations(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } } } } } } } } }`;

describe('estimateCost', () => {
  it('multiplies by a `first` given as a variable exactly as by the same literal', () => {
    const literal = estimate('{ persons(first: 20) { edges { node { relations(first: 50) { edges { node { id } } } } } } }');
    const variable = estimate(
      'query($a: NonNegativeInt, $b: NonNegativeInt) { persons(first: $a) { edges { node { relations(first: $b) { edges { node { id } } } } } } }',
      {
        a: 20,
        b: 50,
      },
    );
    expect(variable.cost).toBe(literal.cost);
    expect(variable.widest).toEqual({ path: 'persons.edges.node.relations.edges', rows: 1_000 });
    // 1 for the root field, 20 person edges, 20 × 50 relation edges.
    expect(literal.cost).toBe(1 + 20 + 1_000);
    expect(literal.violation).toBeUndefined();
  });

  it('takes the default page size when `first` is omitted or its variable is null', () => {
    const omitted = estimate('{ persons { edges { node { id } } } }');
    const nullVariable = estimate('query($n: NonNegativeInt) { persons(first: $n) { edges { node { id } } } }', { n: null });
    expect(omitted.cost).toBe(1 + config.limits.listDefault);
    expect(nullVariable.cost).toBe(omitted.cost);
  });

  it('counts every alias and every id of a list argument, given literally or as variables', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`);
    const one = estimate('query($ids: [ID!]!) { a: entities(ids: $ids) { id } }', { ids });
    const three = estimate('query($ids: [ID!]!) { a: entities(ids: $ids) { id } b: entities(ids: $ids) { id } c: entities(ids: $ids) { id } }', { ids });
    // Per alias: the root field, 50 entities, 50 ids in the argument.
    expect(one.cost).toBe(1 + 50 + 50);
    expect(three.cost).toBe(3 * one.cost);
    expect(three.parts.map((p) => p.path).sort()).toEqual(['a', 'b', 'c']);
  });

  it('counts the ids and the excluded ids of expand', () => {
    const exclude = Array.from({ length: 5_000 }, (_, i) => `x-${i}`);
    const without = estimate('query($ids: [ID!]!) { expand(ids: $ids) { nodes { id } } }', { ids: ['a', 'b'] });
    const withExclude = estimate('query($ids: [ID!]!, $x: [ID!]) { expand(ids: $ids, exclude: $x) { nodes { id } } }', { ids: ['a', 'b'], x: exclude });
    expect(withExclude.cost - without.cost).toBe(5_000);
    expect(withExclude.expensiveFields).toEqual(['expand']);
  });

  it('accepts the four-hop provenance chain with evidence at every level', () => {
    const chain = estimate(`{ entity(id: "steve-witkoff") { id ... on Person {
      statements { edges { ${EVIDENCE} node { id name ... on Statement {
        reportedBy { edges { ${EVIDENCE} node { id name ... on Source {
          cites { edges { ${EVIDENCE} node { id name } } }
        } } } }
      } } } }
    } } }`);
    expect(chain.violation).toBeUndefined();
    expect(chain.deepest.hops).toBe(3);
    expect(chain.widest.rows).toBe(20 * 20 * 20);
  });

  it('refuses relations(first: $n) four deep from a hub with $n = 100, naming the level and the limit', () => {
    const small = estimate(HUB_FOUR_DEEP, { id: 'hub', n: 5 });
    expect(small.violation).toBeUndefined();
    const big = estimate(HUB_FOUR_DEEP, { id: 'hub', n: 100 });
    expect(big.violation).toMatchObject({ limit: 'QUERY_MAX_ROWS', max: limits.maxRows, estimate: 1_000_000 });
    expect(big.violation!.path).toBe('entity.relations.edges.node.relations.edges.node.relations.edges');
    expect(big.violation!.message).toMatch(
      /"entity\.relations\.edges\.node\.relations\.edges\.node\.relations\.edges" could produce up to 1,000,000 rows .* QUERY_MAX_ROWS = 500,000/,
    );
  });

  it('limits relation levels, not connection wrappers', () => {
    const level = (inner: string) => `relations(first: 1) { edges { node { ${inner} } } }`;
    const nest = (n: number) => Array.from({ length: n }).reduce<string>((inner) => level(inner), 'id');
    expect(estimate(`{ entity(id: "x") { ${nest(limits.maxHops)} } }`).violation).toBeUndefined();
    const tooDeep = estimate(`{ entity(id: "x") { ${nest(limits.maxHops + 1)} } }`);
    expect(tooDeep.violation).toMatchObject({ limit: 'QUERY_MAX_HOPS', estimate: limits.maxHops + 1 });
  });

  it('prices search by its words, and names the costliest alias when the total is over', () => {
    const text = Array.from({ length: 16 }, (_, i) => `word${i}`).join(' ');
    const one = estimate('query($t: String!) { search(text: $t) { score } }', { t: text });
    expect(one.violation).toBeUndefined();
    expect(one.expensiveFields).toEqual(['search']);
    const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: search(text: $t) { score }`).join(' ');
    const many = estimate(`query($t: String!) { ${aliases} }`, { t: text });
    expect(many.cost).toBe(30 * one.cost);
    expect(many.violation).toMatchObject({ limit: 'QUERY_MAX_COST', max: limits.maxCost, estimate: many.cost, path: 's0' });
    expect(many.violation!.message).toMatch(/estimated cost is [\d,]+, over QUERY_MAX_COST = 500,000; the costliest part is "s0"/);
  });

  it('prices exploration by what its scan caps let it read', () => {
    const shallow = estimate('{ neighborhood(id: "x", depth: 1) { nodes { id } } }');
    const deep = estimate('query($d: Int) { neighborhood(id: "x", depth: $d) { nodes { id } } }', { d: 3 });
    expect(deep.cost - shallow.cost).toBe(2 * config.exploration.scanLimit);
    const paths = estimate('query($l: Int) { paths(from: "a", to: "b", maxLength: $l) { nodes { id } } }', { l: 6 });
    expect(paths.cost).toBeGreaterThanOrEqual(6 * config.exploration.scanLimit);
  });

  it('prices a totalCount by what counting reads: a whole label or ids are cheap, a filter or a relation is not', () => {
    const whole = estimate('{ persons { totalCount } }');
    expect(whole.expensiveFields).toEqual([]);
    expect(whole.cost).toBe(1);
    const byIds = estimate('query($ids: [ID!]) { persons(where: { idIn: $ids }) { totalCount } }', { ids: ['a', 'b', 'c'] });
    expect(byIds.expensiveFields).toEqual([]);
    expect(byIds.cost).toBe(1 + 3);
    const byName = estimate('{ persons(where: { name: { contains: "x" } }) { totalCount } }');
    expect(byName.expensiveFields).toEqual(['totalCount']);
    expect(byName.cost).toBeGreaterThanOrEqual(1_000);
    const nested = estimate('{ persons(first: 10) { edges { node { proposals { totalCount } } } } }');
    expect(nested.expensiveFields).toEqual([]);
    expect(nested.cost).toBeGreaterThanOrEqual(10 * 1_000);
  });

  it('leaves out what @skip and @include leave out', () => {
    const q = 'query($s: Boolean!) { persons(first: 100) @skip(if: $s) { edges { node { id } } } }';
    expect(estimate(q, { s: true }).cost).toBe(0);
    expect(estimate(q, { s: false }).cost).toBe(101);
  });
});
