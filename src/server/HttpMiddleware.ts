import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A connect-style handler on Node's own request and response. Express
 * mounts these as they are (its request and response extend Node's), and
 * the direct GraphQL path (graphqlEndpoint) runs the same ones without
 * Express, so a request gets the same id, log line, CORS headers and
 * admission check whichever path serves it.
 */
export type HttpMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
