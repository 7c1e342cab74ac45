import { JSONResolver } from 'graphql-scalars';
import { requireRole } from '../auth';
import { toCypherGraph } from '../cypher-sandbox';
import type { CypherGraphRelationshipResolvers, CypherResultResolvers, QueryResolvers } from '../generated/resolverTypes';
import { evidenceOf } from '../model';
import { describeRelationship } from './relationConnection';

/** Query.cypher and Query.explainCypher: ad-hoc read-only Cypher for analysts and admins, rows and graph. */
export const analystCypherResolvers: {
  JSON: typeof JSONResolver;
  Query: Pick<QueryResolvers, 'cypher' | 'explainCypher'>;
  CypherResult: Pick<CypherResultResolvers, 'graph'>;
  CypherGraphRelationship: Pick<CypherGraphRelationshipResolvers, 'evidence' | 'role' | 'properties'>;
} = {
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
  CypherResult: {
    // Only when selected: relationships returned without their nodes cost one more read for their ends.
    graph: (result, _args, ctx) => toCypherGraph(ctx.db, result.collected),
  },
  CypherGraphRelationship: {
    evidence: (relationship) => evidenceOf(relationship.properties),
    role: (relationship) => describeRelationship(relationship.properties).role,
    properties: (relationship) => describeRelationship(relationship.properties).properties,
  },
};
