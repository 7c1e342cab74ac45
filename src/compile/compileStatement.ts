import type { Db, Params } from '../db';
import { readLayout, type Layout } from './Layout';
import type { PlanContext } from './PlanContext';
import { STATEMENTS } from './ShapeCache';
import { sharedRead } from './sharedReads';
import { VariableNames } from './VariableNames';

/** A statement's text and the layouts of the columns that hold compiled values: a function of the selection's shape alone. */
export interface StatementText {
  text: string;
  /** By column name; columns without one are read as Neo4j returns them. */
  layouts: Record<string, Layout>;
}

/** A compiled statement: its text (a function of the selection's shape) and the values of this request. */
export interface CompiledStatement extends StatementText {
  params: Params;
}

/**
 * Renders a statement once per shape: `shape` holds everything the text
 * depends on (plans, fixed names), never a value, so the text comes from
 * the cache from the second request on and Neo4j's plan cache hits too.
 */
export function compileStatement(
  ctx: PlanContext,
  shape: unknown,
  render: (names: VariableNames) => StatementText,
  params: Params = {},
): CompiledStatement {
  const { text, layouts } = STATEMENTS.get(JSON.stringify(shape), () => render(new VariableNames()));
  return { text, layouts, params: { ...params, ...ctx.params.values } };
}

/**
 * Runs a compiled statement in a read transaction; its rows with the
 * compiled columns read back into records. Within shareReads (one
 * operation's execution), a statement read again with its own values is
 * read once; other values (a loader's batch of ids) are always read.
 */
export function readCompiled<Row>(db: Db, name: string, statement: CompiledStatement, params: Params = statement.params): Promise<Row[]> {
  const read = async () => {
    const rows = await db.read<Record<string, unknown>>(name, statement.text, params);
    const columns = Object.entries(statement.layouts);
    for (const row of rows) for (const [column, layout] of columns) row[column] = readLayout(row[column], layout);
    return rows as Row[];
  };
  return params === statement.params ? sharedRead(db, statement, read) : read();
}
