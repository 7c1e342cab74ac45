import { parse, validate } from 'graphql';
import { buildSchema } from '../../src/schema';
import { EXAMPLES } from '../../web/graphiql/examples';

/** GraphiQL opens with these tabs: each must be a valid operation of the current schema. */
describe('GraphiQL example operations', () => {
  const schema = buildSchema();
  it.each(EXAMPLES.map((example, index) => [index, example.query]))('example %i validates against the schema', (_index, query) => {
    expect(validate(schema, parse(query as string))).toEqual([]);
  });
});
