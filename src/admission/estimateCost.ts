import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  typeFromAST,
} from 'graphql';
import type { Config } from '../config';
import { clampSize } from './clampSize';
import { fieldCostRule, type FieldCostRule } from './fieldCostRules';

/** What the estimate needs from the configuration. */
export interface CostLimits {
  maxCost: number;
  maxRows: number;
  maxHops: number;
  listDefault: number;
  listMax: number;
  exploration: Config['exploration'];
}

/** One part of an operation and what it costs. */
export interface CostPart {
  /** Response path of the field, aliases included: `a3` or `entity.relations.edges`. */
  path: string;
  cost: number;
}

/** Which limit an operation is over, and where. */
export interface CostViolation {
  limit: 'QUERY_MAX_COST' | 'QUERY_MAX_ROWS' | 'QUERY_MAX_HOPS';
  max: number;
  estimate: number;
  /** The costly part: the field that goes over, or the costliest root field for QUERY_MAX_COST. */
  path: string;
  message: string;
}

/** The estimate of one operation, with its variables. */
export interface CostEstimate {
  /** Roughly the rows Neo4j reads or returns for the whole operation (one unit ≈ one entity or relationship). */
  cost: number;
  /** Each root field by response name, costliest first. */
  parts: CostPart[];
  /** The level that can produce the most rows, and how many. */
  widest: { path: string; rows: number };
  /** The deepest relation nesting, counted in relation fields. */
  deepest: { path: string; hops: number };
  /** Kinds of field that make a request expensive whatever its cost: search, neighborhood, expand, paths, totalCount. */
  expensiveFields: string[];
  /** Set when a limit is exceeded; the request must be refused. */
  violation?: CostViolation;
}

/**
 * Fields visited before the walk gives up: fragments spread twice at every
 * level would otherwise make the walk itself exponential. An operation this
 * large is refused as too costly.
 */
const MAX_VISITS = 50_000;

/** The rows a part of the selection is evaluated for, and where it sits. */
interface Scope {
  /** How many times each field of this selection set is resolved. */
  rows: number;
  hops: number;
  path: string;
  /** Set inside a connection: its page size, which multiplies `edges`. */
  pageSize?: number;
  /** Inside a connection: whether its totalCount reads rows to count them (see whereReadsRows). */
  countReadsRows?: boolean;
  /** Sizes a special field gives its children by name (subgraph nodes and edges, path nodes ...). */
  childSizes?: Record<string, number>;
}

/**
 * Estimates what an operation will cost, after its variables are known, from
 * the operation and the schema alone (so it stays right whatever the
 * resolvers compile it to). Every field is evaluated once per row of its
 * parent: a connection multiplies its `edges` by its `first` (a literal, a
 * variable or the default), so rows grow as the product of the page sizes
 * along the path, which is what batched loaders really fetch in the worst
 * case. Aliases are walked one by one, every item of a list argument (ids,
 * `exclude`, `idIn`) counts, and search, exploration and totalCount carry
 * the weights of fieldCostRules. Three limits: the total cost, the rows one
 * level can produce, and the relation hops; connection wrappers (edges,
 * node) are not levels.
 *
 * @param variables the request's variables, already coerced (getVariableValues)
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: CostLimits,
): CostEstimate {
  const rootType =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const estimate: CostEstimate = {
    cost: 0,
    parts: [],
    widest: { path: '', rows: 0 },
    deepest: { path: '', hops: 0 },
    expensiveFields: [],
  };
  if (!rootType) return estimate;
  let visits = 0;
  let violation: CostViolation | undefined;

  const refuse = (v: Omit<CostViolation, 'message'>, message: string) => {
    violation ??= { ...v, message };
  };

  /** Returns the cost of a selection set evaluated `scope.rows` times. */
  const walkSet = (set: SelectionSetNode, type: GraphQLCompositeType, scope: Scope, onRootField?: (path: string, cost: number) => void): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (violation) return total;
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const cost = walkField(selection, type, scope);
        onRootField?.(selection.alias?.value ?? selection.name.value, cost);
        total += cost;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) continue;
        const condition = fragment.typeCondition ? typeFromAST(schema, fragment.typeCondition) : type;
        // Fields of fragments on different types are added up: an upper bound, since an object has one type.
        if (condition && isCompositeType(condition)) total += walkSet(fragment.selectionSet, condition, scope, onRootField);
      }
    }
    return total;
  };

  const walkField = (node: FieldNode, parent: GraphQLCompositeType, scope: Scope): number => {
    visits += 1;
    if (visits > MAX_VISITS) {
      refuse(
        { limit: 'QUERY_MAX_COST', max: limits.maxCost, estimate: Infinity, path: scope.path },
        `The operation has more than ${MAX_VISITS} fields once its fragments are spread; ask for less.`,
      );
      return 0;
    }
    const name = node.name.value;
    if (name.startsWith('__')) return 0;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!field) return 0;
    const path = scope.path ? `${scope.path}.${node.alias?.value ?? name}` : (node.alias?.value ?? name);
    const args = argumentValues(field, node, variables);
    const named = getNamedType(field.type);
    const isList = isListType(getNullableType(field.type));
    const rule: FieldCostRule | undefined = fieldCostRule(`${parent.name}.${name}`, args, limits);

    // Rows of this field's items (or of itself when it is not a list): what its children are evaluated for.
    let rows = scope.rows;
    let cost = scope.hops === 0 && scope.path === '' ? 1 : 0;
    let pageSize: number | undefined;
    let countReadsRows: boolean | undefined;
    let hops = scope.hops;
    let sized = false;
    const childSize = scope.childSizes?.[name];
    if (childSize !== undefined) {
      if (isLeafType(named) || !isList) cost += scope.rows * childSize;
      else [rows, sized] = [scope.rows * childSize, true];
    } else if (scope.pageSize !== undefined && (name === 'edges' || name === 'nodes')) {
      [rows, sized] = [scope.rows * scope.pageSize, true];
    } else if (rule?.items !== undefined) {
      [rows, sized] = [scope.rows * rule.items, true];
    } else if (field.args.some((a) => a.name === 'first')) {
      const size = clampSize(args.first, limits.listDefault, 0, limits.listMax);
      if (isObjectType(named) && named.getFields().edges) {
        pageSize = size;
        // A connection on an entity is a relation: one hop further from the root.
        if (isEntity(parent)) hops += 1;
        countReadsRows = hops > 0 || whereReadsRows(args.where);
      } else if (isList) {
        [rows, sized] = [scope.rows * size, true];
      }
    }
    // Lists without a size (evidence, aliases) are properties of their parent's row: they add no rows.
    if (sized && !isLeafType(named)) cost += rows;
    if (rule) {
      cost += scope.rows * (rule.extra ?? 0);
      if (rule.expensive && !estimate.expensiveFields.includes(rule.expensive)) estimate.expensiveFields.push(rule.expensive);
    }
    if (name === 'totalCount' && scope.pageSize !== undefined && scope.countReadsRows !== false) {
      cost += scope.rows * TOTAL_COUNT_COST;
      if (scope.hops === 0 && !estimate.expensiveFields.includes('totalCount')) estimate.expensiveFields.push('totalCount');
    }
    // Every item of a list argument is work: ids to look up, ids to exclude, types to match.
    cost += scope.rows * listItems(args);

    if (rows > estimate.widest.rows) estimate.widest = { path, rows };
    if (hops > estimate.deepest.hops) estimate.deepest = { path, hops };
    if (rows > limits.maxRows) {
      refuse(
        { limit: 'QUERY_MAX_ROWS', max: limits.maxRows, estimate: rows, path },
        `Query too costly: "${path}" could produce up to ${fmt(rows)} rows (${fmt(rows / scope.rows)} for each of ${fmt(scope.rows)} parents); ` +
          `the limit is QUERY_MAX_ROWS = ${fmt(limits.maxRows)}. Ask for fewer items (first, limit, ids) or fewer nested levels.`,
      );
    }
    if (hops > limits.maxHops) {
      refuse(
        { limit: 'QUERY_MAX_HOPS', max: limits.maxHops, estimate: hops, path },
        `Query too costly: "${path}" is relation level ${hops} from the root; the limit is QUERY_MAX_HOPS = ${limits.maxHops}. ` +
          'Start a new query from the entities at a lower level instead.',
      );
    }
    if (node.selectionSet && isCompositeType(named)) {
      cost += walkSet(node.selectionSet, named, { rows, hops, path, pageSize, countReadsRows, childSizes: rule?.childSizes });
    }
    return cost;
  };

  estimate.cost = walkSet(operation.selectionSet, rootType, { rows: 1, hops: 0, path: '' }, (path, cost) => {
    estimate.parts.push({ path, cost });
  });
  estimate.parts.sort((a, b) => b.cost - a.cost);
  if (!violation && estimate.cost > limits.maxCost) {
    const top = estimate.parts[0];
    refuse(
      { limit: 'QUERY_MAX_COST', max: limits.maxCost, estimate: estimate.cost, path: top?.path ?? '' },
      `Query too costly: its estimated cost is ${fmt(estimate.cost)}, over QUERY_MAX_COST = ${fmt(limits.maxCost)}; ` +
        `the costliest part is "${top?.path}" (${fmt(top?.cost ?? 0)}, ${estimate.parts.length} root field${estimate.parts.length === 1 ? '' : 's'} in all). ` +
        'Ask for fewer items, aliases or search words.',
    );
  }
  estimate.violation = violation;
  return estimate;
}

/** A totalCount counts the whole list: on a hub or a big label that is many rows read. */
const TOTAL_COUNT_COST = 1_000;

/** `where` fields that pick entities through the id index: counting what they keep reads at most the ids given. */
const INDEXED_FILTERS: ReadonlySet<string> = new Set(['id', 'idIn']);

/**
 * Whether a root list's totalCount reads rows: only when `where` filters by
 * more than ids. Neo4j counts a whole label from its count store, without
 * reading a node (`persons { totalCount }` costs what one lookup costs), and
 * ids go through the unique index; names, relations and dates are checked
 * node by node.
 */
function whereReadsRows(where: unknown): boolean {
  if (!where || typeof where !== 'object') return false;
  return Object.entries(where).some(([field, value]) => value !== null && value !== undefined && !INDEXED_FILTERS.has(field));
}

function included(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false) return false;
  } catch {
    // A bad directive argument fails validation or execution on its own; count the field.
  }
  return true;
}

function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // Execution reports a wrong argument with its own message; until then its defaults stand.
    return {};
  }
}

/** Items in every list inside the argument values, nested input objects included. */
function listItems(value: unknown, depth = 0): number {
  if (depth > 10 || value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.length + value.reduce<number>((n, v) => n + listItems(v, depth + 1), 0);
  return Object.values(value).reduce<number>((n, v) => n + listItems(v, depth + 1), 0);
}

function isEntity(type: GraphQLNamedType): boolean {
  if (type.name === 'Entity') return true;
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity');
}

function fmt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
