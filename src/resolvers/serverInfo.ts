import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../config';
import type { QueryResolvers } from '../generated/resolverTypes';

const { version } = createRequire(__filename)(path.join(projectRoot, 'package.json')) as { version: string };

/** Query.serverInfo: this service's version and the Neo4j server's. */
export const serverInfoResolvers: { Query: Pick<QueryResolvers, 'serverInfo'> } = {
  Query: {
    async serverInfo(_parent, _args, ctx) {
      const neo4j = await ctx.db.serverInfo();
      return { version, neo4jVersion: neo4j.version, neo4jEdition: neo4j.edition, database: ctx.db.database };
    },
  },
};
