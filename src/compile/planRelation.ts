import { getNamedType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { RELATION_FIELDS, checkRelationTypes, relationPageArgs, type Direction, type RelationFieldSpec } from '../relations';
import { subfieldsOf, type PlanContext } from './PlanContext';
import { planEntity } from './planEntity';
import type { EdgePlan, EvidencePlan, RelationPlan } from './SelectionPlan';

/** The relationships a relation field follows: its spec, or for `relations` the client's types and direction. */
export type Relationships = Omit<RelationFieldSpec, 'direction'> & { direction: Direction };

/**
 * The relationships field `name` of `parent` follows with these arguments.
 * Throws BAD_USER_INPUT for unknown relationship types of `relations`.
 */
export function relationshipsOf(parent: GraphQLObjectType, name: string, args: { types?: unknown; direction?: unknown }): Relationships {
  if (name === 'relations') {
    const types = checkRelationTypes(args.types as string[] | null | undefined, 'types');
    return { types: (types ?? null) as RelationFieldSpec['types'], direction: (args.direction as Direction | null) ?? 'BOTH' };
  }
  return RELATION_FIELDS[parent.name as keyof typeof RELATION_FIELDS][name];
}

/**
 * Plans one relation field of an entity of type `parent` (all of
 * `fieldNodes` share its response key). Returns null when its arguments
 * are bad: the field's resolver checks them again and reports the error at
 * the field's own path, as graphql-js would, while the rest of the query is
 * answered.
 */
export function planRelation(ctx: PlanContext, parent: GraphQLObjectType, fieldNodes: readonly FieldNode[]): RelationPlan | null {
  const name = fieldNodes[0].name.value;
  const field = parent.getFields()[name];
  const args = getArgumentValues(field, fieldNodes[0], ctx.variableValues);
  let page: ReturnType<typeof relationPageArgs>;
  let spec: ReturnType<typeof relationshipsOf>;
  try {
    page = relationPageArgs(args, ctx.limits);
    spec = relationshipsOf(parent, name, args);
  } catch {
    return null;
  }
  const connection = getNamedType(field.type) as GraphQLObjectType;
  let wantsPage = false;
  let total = false;
  const edgeNodes: FieldNode[] = [];
  const pageInfo = new Set<string>();
  for (const nodes of subfieldsOf(ctx, connection, fieldNodes).values()) {
    const selected = nodes[0].name.value;
    if (selected === 'edges') edgeNodes.push(...nodes);
    if (selected === 'pageInfo') for (const name of selectedNames(ctx, connection, nodes)) pageInfo.add(name);
    if (selected === 'edges' || selected === 'pageInfo') wantsPage = true;
    if (selected === 'totalCount') total = true;
  }
  // The row after the page is read only to answer hasNextPage.
  const limit = wantsPage ? ctx.params.add(page.first + (pageInfo.has('hasNextPage') ? 1 : 0)) : null;
  const after = wantsPage && page.after ? ctx.params.add(page.after) : null;
  const edgeType = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  const pageCursor = pageInfo.has('startCursor') || pageInfo.has('endCursor');
  return {
    types: spec.types ? [...spec.types].sort() : null,
    direction: spec.direction,
    label: spec.label ?? null,
    via: spec.via ?? null,
    page: limit ? { limit, after, edge: planEdge(ctx, edgeType, edgeNodes, pageCursor) } : null,
    total,
  };
}

/** The field names selected under `nodes`, a field of `parent` whose type is an object type (pageInfo). */
function selectedNames(ctx: PlanContext, parent: GraphQLObjectType, nodes: readonly FieldNode[]): string[] {
  const type = getNamedType(parent.getFields()[nodes[0].name.value].type) as GraphQLObjectType;
  return [...subfieldsOf(ctx, type, nodes).values()].map((fields) => fields[0].name.value);
}

/** What the selection asks of the edges of a relation page; `pageCursor`: pageInfo's start or end cursor is selected. */
function planEdge(ctx: PlanContext, edgeType: GraphQLObjectType, edgeNodes: readonly FieldNode[], pageCursor: boolean): EdgePlan {
  const byName = new Map<string, FieldNode[]>();
  for (const nodes of subfieldsOf(ctx, edgeType, edgeNodes).values()) {
    const name = nodes[0].name.value;
    byName.set(name, [...(byName.get(name) ?? []), ...nodes]);
  }
  const fields = edgeType.getFields();
  const nodeNodes = byName.get('node');
  const evidenceNodes = byName.get('evidence');
  return {
    cursor: pageCursor || byName.has('cursor'),
    type: byName.has('type'),
    direction: byName.has('direction'),
    node: nodeNodes ? planEntity(ctx, getNamedType(fields.node.type), nodeNodes) : null,
    evidence: evidenceNodes ? planEvidence(ctx, getNamedType(fields.evidence.type) as GraphQLObjectType, evidenceNodes) : null,
    properties: byName.has('properties'),
    role: byName.has('role'),
    status: byName.has('status'),
  };
}

/** Evidence field → the relationship property it reads; `source` reads `sources`, one piece of evidence per source. */
const EVIDENCE_PROPERTY: Record<string, string | null> = { source: 'sources', __typename: null };

/** What the selection asks of an edge's evidence: its properties, and the source and statement entities. */
function planEvidence(ctx: PlanContext, evidenceType: GraphQLObjectType, fieldNodes: readonly FieldNode[]): EvidencePlan {
  const props = new Set(['sources']);
  const nested = new Map<string, FieldNode[]>();
  for (const nodes of subfieldsOf(ctx, evidenceType, fieldNodes).values()) {
    const name = nodes[0].name.value;
    const property = name in EVIDENCE_PROPERTY ? EVIDENCE_PROPERTY[name] : name;
    if (property) props.add(property);
    if (name === 'source' || name === 'statement') nested.set(name, [...(nested.get(name) ?? []), ...nodes]);
  }
  const fields = evidenceType.getFields();
  const source = nested.get('source');
  const statement = nested.get('statement');
  return {
    props: [...props].sort(),
    source: source ? planEntity(ctx, getNamedType(fields.source.type), source) : null,
    statement: statement ? planEntity(ctx, getNamedType(fields.statement.type), statement) : null,
  };
}
