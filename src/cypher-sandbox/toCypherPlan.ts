import { splitOperatorType } from './checkPlan';
import { cypherToJson } from './cypherToJson';
import type { CypherNotification, CypherPlan, CypherPlanOperator, Plan } from './CypherTypes';

/**
 * A driver plan as explainCypher returns it: a flat, pre-order list of
 * operators linked by id (GraphQL cannot select a tree of unknown depth)
 * and the same tree as nested JSON.
 */
export function toCypherPlan(plan: Plan, queryType: string, notifications: CypherNotification[]): CypherPlan {
  const operators: CypherPlanOperator[] = [];
  const visit = (node: Plan, parentId: number | null, depth: number): Record<string, unknown> => {
    const id = operators.length;
    const [operatorType, database] = splitOperatorType(node.operatorType);
    const args = cypherToJson(node.arguments ?? {}) as Record<string, unknown>;
    const estimated = args.EstimatedRows;
    const details = args.Details;
    const operator: CypherPlanOperator = {
      id,
      parentId,
      depth,
      operatorType,
      database: database ?? null,
      estimatedRows: typeof estimated === 'number' ? estimated : null,
      identifiers: [...(node.identifiers ?? [])],
      details: typeof details === 'string' ? details : null,
      arguments: args,
      childIds: [],
    };
    operators.push(operator);
    const children = (node.children ?? []).map((child) => {
      operator.childIds.push(operators.length);
      return visit(child, id, depth + 1);
    });
    return {
      operatorType,
      estimatedRows: operator.estimatedRows,
      identifiers: operator.identifiers,
      details: operator.details,
      arguments: args,
      children,
    };
  };
  const tree = visit(plan, null, 0);
  return { queryType, operators, tree, notifications };
}
