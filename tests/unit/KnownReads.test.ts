import { parse, type OperationDefinitionNode } from 'graphql';
import { KnownReads } from '../../src/execution/KnownReads';

const readOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return { document, operation, operationName: operation.name?.value ?? null };
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
    const known = new KnownReads(2);
    const queries = ['{ a: persons { totalCount } }', '{ b: persons { totalCount } }', '{ c: persons { totalCount } }'];
    for (const query of queries) known.add(query, null, readOf(query));
    expect(known.get(queries[0], null)).toBeUndefined();
    expect(known.get(queries[1], null)).toBeDefined();
    expect(known.get(queries[2], null)).toBeDefined();
  });
});
