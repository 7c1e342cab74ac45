import type { Plan } from './CypherTypes';

/**
 * Procedures an analyst may call: read-only catalogue and full-text search.
 * Everything else (dbms.*, db.createLabel, tx.setMetaData, db.clearQueryCaches,
 * …) is refused, whatever mode the server gives it.
 */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/**
 * Operator name prefixes that are refused wherever they appear in a plan.
 * A READ transaction already stops writes on the server, but not these:
 * LoadCSV (files and URLs), the Show... and Terminate... commands (settings,
 * transactions, other users' queries), and IN TRANSACTIONS batching
 * (TransactionApply/TransactionForeach, which commits inner transactions).
 * Write, schema and administration operators are listed too, so that a
 * refusal names them instead of relying on the server's AccessMode error.
 */
export const FORBIDDEN_OPERATOR_PREFIXES: readonly string[] = [
  'LoadCSV',
  'Show',
  'Terminate',
  'Transaction',
  'AdministrationCommand',
  'Create',
  'Merge',
  'LockingMerge',
  'Set',
  'Remove',
  'Delete',
  'DetachDelete',
  'Foreach',
  'SubqueryForeach',
  'Drop',
  'Alter',
  'Grant',
  'Deny',
  'Revoke',
  'Rename',
  'Start',
  'Stop',
  'Enable',
  'DoNothingIfExists',
  'AssertSame',
  'Lock',
];

/** One reason to refuse a plan; the first is what the client is told. */
export interface PlanRefusal {
  /** What was refused: an operator type, a procedure name, a query type or a database. */
  refused: string;
  message: string;
}

/** The parts of an EXPLAIN summary the plan check reads. */
export interface ExplainedQuery {
  /** 'r' read only, 'rw' read/write, 'w' write only, 's' schema/admin. */
  queryType: string;
  plan: Plan | false;
}

/**
 * The plan layer, the guard's authority: refuses unless the server calls the
 * query read-only (queryType 'r') and every operator in the plan tree runs
 * on `database` and is neither forbidden nor a procedure call outside the
 * allowlist. Returns every refusal found (empty: allowed).
 */
export function checkPlan(explained: ExplainedQuery, database: string): PlanRefusal[] {
  const refusals: PlanRefusal[] = [];
  if (!explained.plan) {
    return [{ refused: 'no plan', message: 'the server returned no plan for this query, so it cannot be checked' }];
  }
  walk(explained.plan, (operator) => {
    const [type, operatorDatabase] = splitOperatorType(operator.operatorType);
    if (operatorDatabase !== undefined && operatorDatabase !== database) {
      refusals.push({ refused: `database ${operatorDatabase}`, message: `${type} would run on database "${operatorDatabase}"` });
    }
    const prefix = FORBIDDEN_OPERATOR_PREFIXES.find((p) => type.startsWith(p));
    if (prefix) refusals.push({ refused: type, message: `the plan has the operator ${type}, which is not allowed` });
    if (type === 'ProcedureCall') {
      const name = procedureName(operator);
      if (name === undefined) refusals.push({ refused: type, message: 'a procedure call whose procedure cannot be identified' });
      else if (!ALLOWED_PROCEDURES.has(name)) {
        refusals.push({ refused: name, message: `the procedure ${name} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})` });
      }
    }
  });
  if (explained.queryType !== 'r') {
    refusals.push({ refused: `query type ${explained.queryType}`, message: `the query is not read-only (query type "${explained.queryType}")` });
  }
  return refusals;
}

/** `LoadCSV@neo4j` → ['LoadCSV', 'neo4j']; the suffix names the database the operator runs on. */
export function splitOperatorType(operatorType: string): [string, string | undefined] {
  const at = operatorType.indexOf('@');
  return at === -1 ? [operatorType, undefined] : [operatorType.slice(0, at), operatorType.slice(at + 1)];
}

/**
 * The procedure a ProcedureCall operator runs, read from its Details
 * argument, which starts with the resolved name: `db.labels() :: (label :: STRING)`.
 */
export function procedureName(operator: Plan): string | undefined {
  const details = operator.arguments?.Details ?? operator.arguments?.details;
  if (typeof details !== 'string') return undefined;
  return /^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\(/.exec(details)?.[1];
}

function walk(plan: Plan, visit: (operator: Plan) => void): void {
  visit(plan);
  for (const child of plan.children ?? []) walk(child, visit);
}
