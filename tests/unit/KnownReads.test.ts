import { parse, type OperationDefinitionNode } from 'graphql';
import { KnownReads } from '../../src/execution/KnownReads';

const readOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return { document, operation };
};

describe('KnownReads', () => {
  it('finds a read by its exact query text and the operation name the request sent', () => {
    const known = new KnownReads();
    const read = readOf('query A { persons { totalCount } }');
    known.add('query A { persons { totalCount } }', null, read);
    expect(known.get('query A { persons { totalCount } }', null)).toBe(read);
    // Another name, or the same query with other white space, is another request: Apollo decides what it means.
    expect(known.get('query A { persons { totalCount } }', 'A')).toBeUndefined();
    expect(known.get('query A {persons { totalCount } }', null)).toBeUndefined();
  });

  it('keeps at most its bound of query texts, dropping the oldest', () => {
    const known = new KnownReads({ queries: 2, characters: 1_000 });
    const queries = ['{ a: persons { totalCount } }', '{ b: persons { totalCount } }', '{ c: persons { totalCount } }'];
    for (const query of queries) known.add(query, null, readOf(query));
    expect(known.get(queries[0], null)).toBeUndefined();
    expect(known.get(queries[1], null)).toBeDefined();
    expect(known.get(queries[2], null)).toBeDefined();
  });

  it('keeps at most its bound of characters: long texts push out the oldest, and one over the bound is not kept', () => {
    const known = new KnownReads({ queries: 10, characters: 100 });
    const query = (alias: string) => `{ ${alias}: persons { totalCount } }`.padEnd(40, ' ');
    for (const alias of ['a', 'b', 'c']) known.add(query(alias), null, readOf(query(alias)));
    // 3 x 40 characters is over 100: the first went.
    expect(known.get(query('a'), null)).toBeUndefined();
    expect(known.get(query('b'), null)).toBeDefined();
    const huge = query('d').padEnd(101, ' ');
    known.add(huge, null, readOf(huge));
    expect(known.get(huge, null)).toBeUndefined();
    expect(known.get(query('c'), null)).toBeDefined();
  });
});
