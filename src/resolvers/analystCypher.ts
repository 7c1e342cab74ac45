import { JSONResolver } from 'graphql-scalars';
import { requireRole } from '../auth';
import type { QueryResolvers } from '../generated/resolverTypes';

/** Query.cypher and Query.explainCypher: ad-hoc read-only Cypher for analysts and admins. */
export const analystCypherResolvers: { JSON: typeof JSONResolver; Query: Pick<QueryResolvers, 'cypher' | 'explainCypher'> } = {
  JSON: JSONResolver,
  Query: {
    async cypher(_parent, args, ctx) {
      requireRole(ctx.viewer, 'analyst', 'cypher');
      return ctx.cypher.run(ctx.db, args, { requestId: ctx.requestId, keyName: ctx.viewer.keyName });
    },
    async explainCypher(_parent, args, ctx) {
      requireRole(ctx.viewer, 'analyst', 'explainCypher');
      return ctx.cypher.explain(ctx.db, args.query, { requestId: ctx.requestId, keyName: ctx.viewer.keyName });
    },
  },
};
