import { parse } from 'graphql';
import { compiledFieldCount } from '../../src/execution/compiledFieldCount';
import { MAX_COMPILED_FIELDS } from '../../src/execution/CompiledOperations';
import { ENTITY_TYPES } from '../../src/model';
import { buildSchema } from '../../src/schema';

const schema = buildSchema();
const count = (query: string, limit = Number.MAX_SAFE_INTEGER, operationName: string | null = null) =>
  compiledFieldCount(schema, parse(query), operationName, limit);

/** `relations` nested `levels` deep from one entity. */
const relations = (levels: number) => {
  let inner = 'id name';
  for (let i = 0; i < levels; i += 1) inner = `id relations(first: 5) { edges { node { ${inner} } } }`;
  return `{ entity(id: "x") { ${inner} } }`;
};

describe('compiledFieldCount', () => {
  it('counts each field once where every type is concrete', () => {
    expect(count('{ persons(first: 2) { totalCount edges { cursor node { id name } } } }')).toBe(7);
  });

  it('writes a selection out once per type an interface field can return, so nested relations multiply', () => {
    const one = count(relations(1));
    const two = count(relations(2));
    expect(one).toBeGreaterThan(ENTITY_TYPES.length);
    expect(two).toBeGreaterThan(ENTITY_TYPES.length * (one - ENTITY_TYPES.length));
    expect(two).toBeGreaterThan(MAX_COMPILED_FIELDS);
    expect(one).toBeLessThanOrEqual(MAX_COMPILED_FIELDS);
  });

  it('follows fragments only onto the types they apply to', () => {
    const person = count('{ entity(id: "x") { ... on Person { offices { edges { node { name } } } } } }');
    const everyType = count('{ entity(id: "x") { ... on Entity { name } } }');
    expect(person).toBe(1 + 4);
    expect(everyType).toBe(1 + ENTITY_TYPES.length);
  });

  it('counts the operation asked for, through named fragments', () => {
    const query = 'query A { persons { edges { node { ...N } } } } query B { entity(id: "x") { id } } fragment N on Person { id name }';
    expect(count(query, undefined, 'A')).toBe(5);
    expect(count(query, undefined, 'B')).toBe(1 + ENTITY_TYPES.length);
  });

  it('stops counting soon after the limit, however large the operation', () => {
    const counted = count(relations(6), MAX_COMPILED_FIELDS);
    expect(counted).toBeGreaterThan(MAX_COMPILED_FIELDS);
    expect(counted).toBeLessThan(2 * MAX_COMPILED_FIELDS);
  });
});
