import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import cors from 'cors';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { peerTypeDefs } from './peerTypeDefs';

/**
 * The peer: @neo4j/graphql 7 serving peerTypeDefs over the same driver and
 * database as the API, behind the HTTP stack the API uses (Express 5, cors,
 * express.json, Apollo Server 5's Express integration), with the same
 * Apollo plugins turned off (landing page, cache control). It has no
 * admission control, cost or depth limits: it is measured as a plain
 * library. Returns its GraphQL URL and a close function.
 */
export async function startPeerServer(driver: Driver, database: string): Promise<{ url: string; close(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
  const expressApp = express();
  expressApp.disable('x-powered-by');
  expressApp.set('etag', false);
  const httpServer = http.createServer(expressApp);
  const apollo = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  expressApp.use(
    '/graphql',
    cors({ origin: [] }),
    express.json({ limit: '256kb' }),
    // The library opens its own sessions from the driver; sessionConfig names the database the API reads.
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => apollo.stop() };
}
