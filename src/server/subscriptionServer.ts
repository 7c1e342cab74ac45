import type http from 'node:http';
import { specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticateRequest, type Credentials, type Viewer } from '../auth';
import { createContext, type ContextDeps } from './createContext';

/** What the WebSocket server needs: the app's schema, its credentials and what a context is made of. */
export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  credentials: Credentials;
  contextDeps: ContextDeps;
  /** The path of the GraphQL endpoint; subscriptions share it. */
  path: string;
  /** The limits HTTP operations are validated with (depth, cost, aliases ...), applied to subscriptions too. */
  validationRules: readonly ValidationRule[];
}

/** Stops the WebSocket server: open subscriptions are completed and their sockets closed. */
export type StopSubscriptions = () => Promise<void>;

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol), on the
 * HTTP server's own port and path. A client authenticates as over HTTP,
 * with `authorization: "Bearer <key or token>"` in connectionParams (and
 * may send `x-neo4j-bookmark` there too); bad credentials close the
 * connection with 4403 before any subscription starts. Each subscription
 * gets a context made like an HTTP request's.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): StopSubscriptions {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  const viewers = new WeakMap<WebSocket, Viewer>();
  const server = useServer(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...options.validationRules]),
      async onConnect(ctx) {
        const params = lowerKeys(ctx.connectionParams);
        try {
          const header = typeof params.authorization === 'string' ? params.authorization : undefined;
          viewers.set(ctx.extra.socket, await authenticateRequest(header, options.credentials));
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => createContext(options.contextDeps, { headers: lowerKeys(ctx.connectionParams) }, viewers.get(ctx.extra.socket)),
    },
    wsServer,
  );
  return async () => {
    await server.dispose();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
}

/** connectionParams keys compared as HTTP headers are: without regard to case. */
function lowerKeys(params: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}
