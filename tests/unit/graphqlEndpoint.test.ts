import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { graphqlEndpoint } from '../../src/server/graphqlEndpoint';
import type { Context } from '../../src/server/Context';

describe('graphqlEndpoint.takes', () => {
  const endpoint = graphqlEndpoint({
    apollo: {} as ApolloServer<Context>,
    middleware: [],
    context: () => Promise.reject(new Error('not called')),
    onError: () => undefined,
  });
  const request = (method: string, url: string, contentType?: string, contentEncoding?: string) =>
    ({
      method,
      url,
      headers: {
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
        ...(contentEncoding ? { 'content-encoding': contentEncoding } : {}),
      },
    }) as IncomingMessage;

  it.each([
    ['POST', '/graphql', 'application/json'],
    ['POST', '/graphql', 'application/json; charset=utf-8'],
    ['POST', '/graphql?op=x', 'Application/JSON'],
    ['POST', '/graphql', 'application/json;charset="UTF-8"'],
  ])('takes %s %s (%s)', (method, url, type) => {
    expect(endpoint.takes(request(method, url, type))).toBe(true);
    expect(endpoint.takes(request(method, url, type, 'identity'))).toBe(true);
  });

  it.each([
    ['GET', '/graphql', undefined],
    ['OPTIONS', '/graphql', undefined],
    ['POST', '/graphql', 'text/plain'],
    ['POST', '/graphql', undefined],
    ['POST', '/graphql', 'application/jsonp'],
    ['POST', '/graphql', 'application/graphql-response+json'],
    ['POST', '/graphql', 'application/json; charset=latin1'],
    ['POST', '/graphql', 'application/json; foo=bar'],
    ['POST', '/graphql/', 'application/json'],
    ['POST', '/graphqlx', 'application/json'],
    ['POST', '/analyst/export', 'application/json'],
  ])('leaves %s %s (%s) to Express', (method, url, type) => {
    expect(endpoint.takes(request(method, url, type))).toBe(false);
  });

  it('leaves a compressed body to Express, whose JSON parser inflates it', () => {
    expect(endpoint.takes(request('POST', '/graphql', 'application/json', 'gzip'))).toBe(false);
  });
});
