import { badInput } from '../errors';
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

/**
 * The page query of a list: the label and the ORDER BY come from fixed
 * tables (ENTITY_TYPES, ORDERINGS), every value is a parameter. Sorting,
 * the keyset condition and LIMIT all run in Neo4j, over the (label, name,
 * id) indexes of applySchema.
 */
export function listQuery(label: EntityType, conditions: Clause[], ordering: Ordering, afterCursor: boolean): string {
  const where = conditions.length ? `WHERE ${conditions.map((c) => c.text).join('\n  AND ')}` : '';
  const orderBy = orderByText(ordering);
  return `MATCH (n:${label}) ${indexHint(label, ordering, afterCursor)}
${where}
WITH n ORDER BY ${orderBy} LIMIT toInteger($limit)
RETURN n { .*, label: $label } AS entity`;
}

/** The count query of a list: the same conditions, no cursor. */
export function countQuery(label: EntityType, conditions: Clause[]): string {
  const where = conditions.length ? `WHERE ${conditions.map((c) => c.text).join('\n  AND ')}` : '';
  return `MATCH (n:${label})
${where}
RETURN count(n) AS total`;
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

/**
 * One page of entities of one type: filtered, ordered, after a cursor.
 * One round-trip for the page; totalCount runs its own count query, and
 * only when the client selects it.
 */
export async function listEntities(ctx: Context, label: EntityType, args: ListArgs): Promise<Connection<Edge<EntityRecord>>> {
  const orderingName = args.orderBy ?? 'NAME_ASC';
  const ordering = ORDERINGS[orderingName];
  const first = pageSize(args.first, ctx.config.limits);
  const filters = whereClause(args.where, ctx.config.limits);
  const conditions = [...filters];
  if (args.after) {
    const [value, id] = afterKey(args.after, orderingName);
    conditions.push(keysetCondition(ordering, value, id));
  } else {
    const guard = orderCondition(ordering);
    if (guard) conditions.push(guard);
  }
  const rows = await ctx.db.read<{ entity: EntityRecord }>(`list${label}`, listQuery(label, conditions, ordering, Boolean(args.after)), {
    ...paramsOf(conditions),
    label,
    limit: first + 1,
  });
  const sortKey = (entity: EntityRecord) =>
    ordering.property ? [(entity[ordering.property] as string | null | undefined) ?? null, entity.id] : [entity.id];
  const edges = rows.map(({ entity }) => ({ cursor: encodeCursor(orderingName, sortKey(entity)), node: entity }));
  return toConnection(edges, first, async () => {
    const [row] = await ctx.db.read<{ total: number }>(`count${label}`, countQuery(label, filters), paramsOf(filters));
    return row?.total ?? 0;
  });
}
