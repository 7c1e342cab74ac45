import type { Params } from '../db';
import type { PlanContext } from './PlanContext';
import { STATEMENT_TEXTS } from './ShapeCache';
import { VariableNames } from './VariableNames';

/** A compiled statement: its text (a function of the selection's shape) and the values of this request. */
export interface CompiledStatement {
  text: string;
  params: Params;
}

/**
 * Renders a statement once per shape: `shape` holds everything the text
 * depends on (plans, fixed names), never a value, so the text comes from
 * the cache from the second request on and Neo4j's plan cache hits too.
 */
export function compileStatement(ctx: PlanContext, shape: unknown, render: (names: VariableNames) => string, params: Params = {}): CompiledStatement {
  const text = STATEMENT_TEXTS.get(JSON.stringify(shape), () => render(new VariableNames()));
  return { text, params: { ...params, ...ctx.params.values } };
}
