import { getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { badInput } from '../errors';
import {
  compileStatement,
  planEntity,
  planOnce,
  readCompiled,
  renderEntity,
  subfieldsOf,
  type CompiledStatement,
  type EntityPlan,
  type PlanContext,
  type StatementText,
} from '../compile';
import type { EntityRecord, EntityType } from '../model';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type Edge } from '../pagination';
import type { Context } from '../server/Context';
import { ORDERINGS, type Ordering, type OrderingName } from './entityOrderings';
import { indexHint, keysetCondition, orderByText, orderCondition, type Clause } from './keysetCondition';
import { whereClause, type EntityWhere } from './whereClause';

/** The arguments of every list query (persons, meetings ...). */
export interface ListArgs {
  where?: EntityWhere | null;
  orderBy?: OrderingName | null;
  first?: number | null;
  after?: string | null;
}

const whereText = (conditions: Clause[]) => (conditions.length ? `WHERE ${conditions.map((c) => c.text).join('\n  AND ')}` : '');

/**
 * The page part of a list statement: the label and the ORDER BY come from
 * fixed tables (ENTITY_TYPES, ORDERINGS), every value is a parameter.
 * Sorting, the keyset condition and LIMIT all run in Neo4j, over the
 * (label, name, id) indexes of applySchema; each entity of the page is then
 * projected as the selection asks (`projection` of `n`).
 */
export function listQuery(label: EntityType, conditions: Clause[], ordering: Ordering, afterCursor: boolean, projection: string): string {
  return [
    `MATCH (n:${label}) ${indexHint(label, ordering, afterCursor)}`,
    whereText(conditions),
    `WITH n ORDER BY ${orderByText(ordering)} LIMIT toInteger($limit)`,
    `RETURN collect(${projection}) AS page`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The count part of a list statement: the same conditions, no cursor. */
export function countQuery(label: EntityType, conditions: Clause[]): string {
  return [`MATCH (n:${label})`, whereText(conditions), 'RETURN count(n) AS total'].filter(Boolean).join('\n');
}

const paramsOf = (clauses: Clause[]) => Object.assign({}, ...clauses.map((c) => c.params)) as Record<string, unknown>;

/**
 * The sort key a cursor holds, checked against its ordering: a name, a day
 * (or null, for entities without a date) or nothing, then an id. A cursor
 * that decodes but holds anything else was not made by this API.
 */
function afterKey(cursor: string, orderingName: OrderingName): [string | null, string] {
  const ordering = ORDERINGS[orderingName];
  const key = decodeCursor(cursor, orderingName, ordering.property ? 2 : 1);
  const [value, id] = ordering.property ? key : [null, key[0]];
  const valueOk =
    ordering.property === 'date'
      ? value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      : ordering.property === null || typeof value === 'string';
  if (typeof id !== 'string' || !valueOk) {
    throw badInput(`after: "${cursor}" is not a cursor of this list (malformed sort key).`, { argument: 'after', value: cursor });
  }
  return [value as string | null, id];
}

/** What a list's selection asks for: the page (edges or pageInfo) with its entities' plan, the total, or both; and whether hasNextPage. */
function selectionOf(ctx: PlanContext, info: GraphQLResolveInfo) {
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  const nodes: FieldNode[] = [];
  let page = false;
  let total = false;
  let cursor = false;
  let hasNext = false;
  const collected = (type: GraphQLObjectType, fields: readonly FieldNode[]) => [...subfieldsOf(ctx, type, fields).values()];
  for (const fields of subfieldsOf(ctx, connection, info.fieldNodes).values()) {
    const name = fields[0].name.value;
    if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
      for (const edgeFields of collected(edgeType, fields)) {
        if (edgeFields[0].name.value === 'node') nodes.push(...edgeFields);
        if (edgeFields[0].name.value === 'cursor') cursor = true;
      }
    }
    if (name === 'pageInfo') {
      const pageInfoType = getNamedType(connection.getFields().pageInfo.type) as GraphQLObjectType;
      const asked = collected(pageInfoType, fields).map((f) => f[0].name.value);
      if (asked.includes('startCursor') || asked.includes('endCursor')) cursor = true;
      if (asked.includes('hasNextPage')) hasNext = true;
    }
    if (name === 'edges' || name === 'pageInfo') page = true;
    if (name === 'totalCount') total = true;
  }
  return { page, total, cursor, hasNext, nodes };
}

/** What a list read does for one selection, arguments and variables: kept per operation (planOnce). */
interface ListPlan {
  first: number;
  ordering: OrderingName;
  /** Null when neither the page nor the total is selected: nothing is read. */
  statement: CompiledStatement | null;
}

/** The statement of a list field: the page's conditions and the entities' projection, the count when selected. */
function planList(plan: PlanContext, label: EntityType, args: ListArgs, info: GraphQLResolveInfo): ListPlan {
  const orderingName = args.orderBy ?? 'NAME_ASC';
  const ordering = ORDERINGS[orderingName];
  const first = pageSize(args.first, plan.limits);
  const filters = whereClause(args.where, plan.limits);
  const conditions = [...filters];
  if (args.after) {
    const [value, id] = afterKey(args.after, orderingName);
    conditions.push(keysetCondition(ordering, value, id));
  } else {
    const guard = orderCondition(ordering);
    if (guard) conditions.push(guard);
  }
  const selection = selectionOf(plan, info);
  if (!selection.page && !selection.total) return { first, ordering: orderingName, statement: null };
  const entity: EntityPlan = planEntity(plan, info.schema.getType(label)!, selection.nodes);
  // A cursor holds the entity's sort key: its ordering property and id are read when one is selected.
  if (selection.cursor) entity.props = [...new Set([...entity.props, 'id', ...(ordering.property ? [ordering.property] : [])])].sort();
  const shape = {
    root: 'list',
    label,
    conditions: conditions.map((c) => c.text),
    filters: filters.map((c) => c.text),
    ordering: orderingName,
    after: Boolean(args.after),
    page: selection.page ? entity : null,
    total: selection.total,
  };
  const statement = compileStatement(
    plan,
    shape,
    (names): StatementText => {
      const parts: string[] = [];
      if (selection.total) parts.push(`CALL () {\n${countQuery(label, filters)}\n}`);
      const node = selection.page ? renderEntity(entity, 'n', names) : null;
      if (node) parts.push(`CALL () {\n${listQuery(label, conditions, ordering, Boolean(args.after), node.text)}\n}`);
      return {
        text: `${parts.join('\n')}\nRETURN ${[selection.total ? 'total' : null, node ? 'page' : null].filter(Boolean).join(', ')}`,
        layouts: node ? { page: { kind: 'list', item: node.layout } } : {},
      };
    },
    // The row after the page is read only to answer hasNextPage, as relation pages do (planRelation).
    { ...paramsOf(conditions), limit: first + (selection.hasNext ? 1 : 0) },
  );
  return { first, ordering: orderingName, statement };
}

/**
 * One page of entities of one type: filtered, ordered, after a cursor, each
 * entity projected with only the selected properties and its relation
 * fields (compiled from the selection), and the total when totalCount is
 * selected: one statement, one round-trip. totalCount alone never runs the
 * page. A repeated read plans once.
 */
export async function listEntities(ctx: Context, label: EntityType, args: ListArgs, info: GraphQLResolveInfo): Promise<Connection<Edge<EntityRecord>>> {
  const { first, ordering: orderingName, statement } = planOnce(info, ctx.config.limits, (plan) => planList(plan, label, args, info));
  if (!statement) return toConnection([], { first, after: args.after }, () => 0);
  const ordering = ORDERINGS[orderingName];
  const [row] = await readCompiled<{ total?: number; page?: EntityRecord[] }>(ctx.db, `list${label}`, statement);
  const sortKey = (node: EntityRecord) => (ordering.property ? [(node[ordering.property] as string | null | undefined) ?? null, node.id] : [node.id]);
  const cursorOf = (node: EntityRecord) => encodeCursor(orderingName, sortKey(node));
  const edges = (row?.page ?? []).map((node) => new ListEdge(node, cursorOf));
  const total = row?.total ?? 0;
  return toConnection(edges, { first, after: args.after }, () => total);
}

/** An edge of a list page; a class, so its cursor getter is shared, and the cursor is encoded only when asked for. */
class ListEdge {
  constructor(
    readonly node: EntityRecord,
    private readonly cursorOf: (node: EntityRecord) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}
