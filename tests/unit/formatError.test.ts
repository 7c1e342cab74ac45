import { GraphQLError } from 'graphql';
import { badInput, createFormatError, ErrorCode } from '../../src/errors';

describe('formatError, the one door errors leave by', () => {
  const logged: unknown[] = [];
  const formatError = createFormatError({ error: (object) => logged.push(object) });
  beforeEach(() => (logged.length = 0));

  it('passes an AppError with its code and details, without a stack trace', () => {
    const error = badInput('first: at most 100, got 500.', { argument: 'first' });
    const formatted = formatError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted.message).toBe('first: at most 100, got 500.');
    expect(formatted.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, argument: 'first' });
    expect(logged).toHaveLength(0);
  });

  it('masks an unexpected error and logs it', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const formatted = formatError({ message: bug.message, path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, bug);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['entity'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toHaveLength(1);
  });

  it('keeps the code of a request error from graphql-js', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error);
    expect(formatted.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(formatted.message).toContain('nope');
  });
});

describe('the log line of an unexpected error', () => {
  it('names the request it happened in, through Apollo as the service wires it', async () => {
    const { ApolloServer } = await import('@apollo/server');
    const { errorRequestIdPlugin } = await import('../../src/server/plugins/errorRequestIdPlugin');
    const logged: Array<Record<string, unknown>> = [];
    const errorRequestIds = errorRequestIdPlugin();
    const server = new ApolloServer<any>({
      typeDefs: 'type Query { broken: String ok: String }',
      resolvers: { Query: { broken: () => Promise.reject(new TypeError('a bug')), ok: () => 'fine' } },
      plugins: [errorRequestIds.plugin],
      formatError: createFormatError({
        error: (fields) => logged.push({ ...(fields as object), requestId: errorRequestIds.requestIdOf((fields as { err: unknown }).err) }),
      }),
    });
    await server.start();
    try {
      for (const requestId of ['req-1', 'req-2']) {
        const response = await server.executeOperation({ query: '{ ok broken }' }, { contextValue: { requestId } });
        expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      }
    } finally {
      await server.stop();
    }
    expect(logged.map((line) => [line.requestId, (line.err as Error).message])).toEqual([
      ['req-1', 'a bug'],
      ['req-2', 'a bug'],
    ]);
  });
});
