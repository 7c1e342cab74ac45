import type { FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { Config } from '../config';
import { ParamBag } from './ParamBag';

/** What planning a selection needs from the operation: the schema, its fragments and variables, and where values go. */
export interface PlanContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
  limits: Config['limits'];
  params: ParamBag;
}

/** The plan context of a resolver call: its operation's fragments and variables, and a fresh bag of values. */
export function planContextOf(info: GraphQLResolveInfo, limits: Config['limits']): PlanContext {
  return { schema: info.schema, fragments: info.fragments, variableValues: info.variableValues, limits, params: new ParamBag() };
}

/**
 * The fields selected under `fieldNodes` on one object type, by response
 * key, the way graphql-js itself collects them: fragments and inline
 * fragments whose type condition applies, `@include`/`@skip` with the
 * operation's variables, several nodes of one key merged.
 */
export function subfieldsOf(ctx: PlanContext, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
  if (fieldNodes.length === 0) return new Map();
  return collectSubfields(ctx.schema, ctx.fragments, ctx.variableValues, type, fieldNodes);
}
