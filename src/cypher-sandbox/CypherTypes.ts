import type { GraphCollector } from './GraphCollector';
/**
 * The shapes the sandbox returns; they mirror the GraphQL types of
 * schema/analyst.graphql, so resolvers return them as they are.
 */

/** A plan operator as the driver reports it (summary.plan). */
export interface Plan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: Plan[];
}

/** A place in the query text; line and column are 1-based, offset 0-based. */
export interface CypherPosition {
  line: number;
  column: number;
  offset: number;
}

/** A notification of the server about the query (a cartesian product, a deprecated feature, …). */
export interface CypherNotification {
  code: string;
  title: string;
  description: string;
  severity: string;
  category: string | null;
  position: CypherPosition | null;
}

/** Facts about how a query ran. */
export interface CypherSummary {
  queryType: string;
  database: string;
  rowCount: number;
  /** Server time until the first row was available, when the server reported it. */
  resultAvailableAfterMs: number | null;
  /** Server time to stream the rows, when the server reported it. */
  resultConsumedAfterMs: number | null;
  /** Wall time of the whole call in this API: guard, execution and conversion. */
  totalMs: number;
  timeoutMs: number;
  rowLimit: number;
  notifications: CypherNotification[];
}

/** What a cypher or runSavedQuery call returns. */
export interface CypherResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
  summary: CypherSummary;
  /** The nodes and relationships the rows held, for CypherResult.graph (built only when selected). */
  collected: GraphCollector;
}

/** One operator of a plan, flattened in pre-order. */
export interface CypherPlanOperator {
  id: number;
  parentId: number | null;
  depth: number;
  operatorType: string;
  database: string | null;
  estimatedRows: number | null;
  identifiers: string[];
  details: string | null;
  arguments: Record<string, unknown>;
  childIds: number[];
}

/** What explainCypher returns. */
export interface CypherPlan {
  queryType: string;
  operators: CypherPlanOperator[];
  /** The same plan as one nested JSON tree. */
  tree: Record<string, unknown>;
  notifications: CypherNotification[];
}
