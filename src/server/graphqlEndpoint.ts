import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from './Context';
import type { HttpErrorResponder } from './httpErrorHandler';
import type { HttpMiddleware } from './HttpMiddleware';
import type { ReadLane } from './readLane';

/** What the direct GraphQL path is built from. */
export interface GraphqlEndpointOptions {
  apollo: ApolloServer<Context>;
  /** Run in order before Apollo: request id, access log, CORS, admission, the JSON body reader. */
  middleware: readonly HttpMiddleware[];
  /** The request's GraphQL context (authenticates it: a bad key rejects, and Apollo answers 401). */
  context: (req: IncomingMessage, res: ServerResponse) => Promise<Context>;
  /** Answers what fails before Apollo runs (a bad or too large body). */
  onError: HttpErrorResponder;
  /** Answers the repeated typed reads it knows before Apollo would (src/server/readLane.ts). */
  lane?: ReadLane;
}

/** The direct path: takes a request or leaves it to Express. */
export interface GraphqlEndpoint {
  /** True for the requests this path serves: an uncompressed JSON POST to exactly /graphql. */
  takes(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): void;
}

/** application/json, in UTF-8 (JSON's own encoding) when a charset is named; other types and charsets go through Express. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/**
 * POST /graphql with a JSON body, the request every client sends for
 * every operation, on Node's http alone: the same middleware as on the
 * Express path (the body read by readJsonBody), then the read lane, which
 * answers a repeated typed read it knows (src/server/readLane.ts), or
 * else Apollo's executeHTTPGraphQLRequest (its documented way to build an
 * integration), and the answer written in one res.end.
 * Express's routing, its request and response decoration and res.send
 * cost about a quarter of a millisecond of the single thread per request,
 * as much as a small read's whole resolver work. Everything else (GET,
 * preflights, other content types, which Apollo's CSRF check refuses,
 * compressed bodies, and every other path) stays on Express, unchanged.
 */
export function graphqlEndpoint(options: GraphqlEndpointOptions): GraphqlEndpoint {
  const { apollo, middleware, context, onError, lane } = options;

  async function execute(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const outcome = lane ? await lane.serve(req, res) : undefined;
    if (outcome?.served) return;
    // The context the lane made before it handed the request over: a second one would authenticate and charge again.
    const made = outcome?.context;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '/graphql';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : url.slice(query), body: req.body },
      context: () => made ?? context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    takes(req) {
      const url = req.url ?? '';
      return (
        req.method === 'POST' &&
        (url === '/graphql' || url.startsWith('/graphql?')) &&
        JSON_TYPE.test(req.headers['content-type'] ?? '') &&
        // A compressed body is inflated by Express's JSON parser.
        (req.headers['content-encoding'] ?? 'identity') === 'identity'
      );
    },
    serve(req, res) {
      const fail = (error: unknown) => {
        if (res.headersSent) res.destroy();
        else onError(error, req, res);
      };
      let index = 0;
      const next = (error?: unknown): void => {
        if (error !== undefined) return fail(error);
        const step = middleware[index++];
        if (!step) {
          execute(req, res).catch(fail);
          return;
        }
        try {
          step(req, res, next);
        } catch (thrown) {
          fail(thrown);
        }
      };
      next();
    },
  };
}
