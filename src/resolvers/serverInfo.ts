import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../config';
import type { Context } from '../server/Context';

const { version } = createRequire(__filename)(path.join(projectRoot, 'package.json')) as { version: string };

/** Query.serverInfo: this service's version and the Neo4j server's. */
export const serverInfoResolvers = {
  Query: {
    async serverInfo(_parent: unknown, _args: unknown, ctx: Context) {
      const neo4j = await ctx.db.serverInfo();
      return { version, neo4jVersion: neo4j.version, neo4jEdition: neo4j.edition, database: ctx.db.database };
    },
  },
};
