import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Config } from '../config';
import { PerOperation } from './PerOperation';
import { planContextOf, type PlanContext } from './PlanContext';

const PLANS = new PerOperation<FieldNode, { limits: Config['limits']; plan: unknown }>();

/**
 * Where the field's nodes stand in the query text and on which type: the
 * nodes one response key merges (a field asked in a fragment and beside
 * it) differ between operations that share the first one. Undefined when
 * the document was parsed without locations.
 */
function nodesKey(info: GraphQLResolveInfo): string | undefined {
  let key = info.parentType.name;
  for (const node of info.fieldNodes) {
    if (!node.loc) return undefined;
    key += `,${node.loc.start}`;
  }
  return key;
}

/**
 * What a resolver works out from its field's selection and arguments before
 * it reads (the compiled statement and its values, the page size), given a
 * fresh plan context, and kept per field of the parsed operation and the
 * operation's variables: a repeated read plans once (see PerOperation).
 * `plan` must depend on nothing else: not on the viewer, the clock or
 * anything read. A plan that throws (a bad argument) is worked out, and
 * refused, every time.
 */
export function planOnce<T>(info: GraphQLResolveInfo, limits: Config['limits'], plan: (ctx: PlanContext) => T): T {
  const fresh = () => plan(planContextOf(info, limits));
  const nodes = nodesKey(info);
  if (nodes === undefined) return fresh();
  const kept = PLANS.get(info.fieldNodes[0], `${nodes}\n${JSON.stringify(info.variableValues)}`, () => ({ limits, plan: fresh() }));
  // Another server in the process (tests start several) may have other limits for the same parsed document.
  return kept.limits === limits ? (kept.plan as T) : fresh();
}
