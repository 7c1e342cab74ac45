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
  const request = (method: string, url: string, contentType?: string) =>
    ({ method, url, headers: contentType === undefined ? {} : { 'content-type': contentType } }) as IncomingMessage;

  it.each([
    ['POST', '/graphql', 'application/json'],
    ['POST', '/graphql', 'application/json; charset=utf-8'],
    ['POST', '/graphql?op=x', 'Application/JSON'],
  ])('takes %s %s (%s)', (method, url, type) => {
    expect(endpoint.takes(request(method, url, type))).toBe(true);
  });

  it.each([
    ['GET', '/graphql', undefined],
    ['OPTIONS', '/graphql', undefined],
    ['POST', '/graphql', 'text/plain'],
    ['POST', '/graphql', undefined],
    ['POST', '/graphql', 'application/jsonp'],
    ['POST', '/graphql', 'application/graphql-response+json'],
    ['POST', '/graphql/', 'application/json'],
    ['POST', '/graphqlx', 'application/json'],
    ['POST', '/analyst/export', 'application/json'],
  ])('leaves %s %s (%s) to Express', (method, url, type) => {
    expect(endpoint.takes(request(method, url, type))).toBe(false);
  });
});
