import { JSONResolver } from 'graphql-scalars';
import { requireRole } from '../auth';
import { toCypherGraph, type CypherGraphRelationshipRecord, type CypherResult } from '../cypher-sandbox';
import { evidenceOf } from '../model';
import type { Context } from '../server/Context';
import { describeRelationship } from './relationConnection';

interface CypherArgs {
  query: string;
  params?: unknown;
  limit?: number | null;
  timeoutMs?: number | null;
}

/** Query.cypher and Query.explainCypher: ad-hoc read-only Cypher for analysts and admins. */
export const analystCypherResolvers = {
  JSON: JSONResolver,
  Query: {
    async cypher(_parent: unknown, args: CypherArgs, ctx: Context) {
      requireRole(ctx.viewer, 'analyst', 'cypher');
      return ctx.cypher.run(ctx.db, args, { requestId: ctx.requestId, keyName: ctx.viewer.keyName });
    },
    async explainCypher(_parent: unknown, args: { query: string }, ctx: Context) {
      requireRole(ctx.viewer, 'analyst', 'explainCypher');
      return ctx.cypher.explain(ctx.db, args.query, { requestId: ctx.requestId, keyName: ctx.viewer.keyName });
    },
  },
  CypherResult: {
    // Only when selected: relationships returned without their nodes cost one more read for their ends.
    graph: (result: CypherResult, _args: unknown, ctx: Context) => toCypherGraph(ctx.db, result.collected),
  },
  CypherGraphRelationship: {
    evidence: (relationship: CypherGraphRelationshipRecord) => evidenceOf(relationship.properties),
    role: (relationship: CypherGraphRelationshipRecord) => describeRelationship(relationship.properties).role,
    properties: (relationship: CypherGraphRelationshipRecord) => describeRelationship(relationship.properties).properties,
  },
};
