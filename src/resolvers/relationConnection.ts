import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { compileRelationsById, planContextOf, relationshipsOf } from '../compile';
import { evidenceOf, type EntityRecord, type EvidenceProperties, type EvidenceRecord } from '../model';
import { encodeCursor, toConnection, type Connection } from '../pagination';
import { checkRelationTypes, relationPageArgs, RELATION_ORDERING, type RelationPageArgs } from '../relations';
import type { Context } from '../server/Context';

/** The properties of a relationship that make up its evidence; the others are descriptive (role, status, term ...). */
const EVIDENCE_PROPERTIES = new Set([
  'sources',
  'quote',
  'confidence',
  'date',
  'datePrecision',
  'dateText',
  'validFrom',
  'validFromPrecision',
  'validTo',
  'validToPrecision',
  'statement',
  // The write API's bookkeeping (src/mutations): not evidence, and not a fact about the relationship either.
  'version',
  'retracted',
  'retractedReason',
  'retractedAt',
  'retractedBy',
]);

/**
 * One edge as a compiled statement returns it (src/compile/renderRelation.ts):
 * only what was selected. The type and direction come only when the field
 * does not fix them; the other entity's id (and the id of the entity
 * reached by a first step) only when a cursor is selected.
 */
interface CompiledEdge {
  t?: string;
  d?: 'OUTGOING' | 'INCOMING';
  i?: string;
  h?: string;
  node?: EntityRecord;
  ev?: EvidenceProperties;
  evSources?: Array<{ id: string; entity: EntityRecord | null }>;
  evStatements?: EntityRecord[];
  props?: Record<string, unknown>;
  role?: string | null;
  status?: string | null;
}

/** A relation field's value in a compiled entity: its page and total, each present when selected. */
interface CompiledRelation {
  page?: CompiledEdge[];
  total?: number;
}

/** A relation edge as the RelationEdge and typed edge types resolve it. */
export interface RelationEdgeRecord {
  cursor: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  node?: EntityRecord;
  evidence: EvidenceRecord[];
  /** The relationship's descriptive properties: everything but the evidence. */
  properties: Record<string, unknown>;
  role: string | null;
  status: string | null;
}

/** A relationship's descriptive properties (everything but its evidence), with the role and status among them. */
export function describeRelationship(all: Record<string, unknown>): Pick<RelationEdgeRecord, 'properties' | 'role' | 'status'> {
  const properties = Object.fromEntries(Object.entries(all).filter(([name]) => !EVIDENCE_PROPERTIES.has(name)));
  return {
    properties,
    role: typeof properties.role === 'string' ? properties.role : null,
    status: typeof properties.status === 'string' ? properties.status : null,
  };
}

/** What every edge of one relation field shares: the type and direction when the field fixes them, and the parent's id. */
interface EdgeContext {
  type?: string;
  direction?: 'OUTGOING' | 'INCOMING';
  anchorId: string;
}

/**
 * One edge of a compiled page, shaped for the edge types. A class, so the
 * thousands of edges of one response share their accessors: the cursor and
 * the evidence are built only when a client selects them.
 */
class CompiledRelationEdge implements RelationEdgeRecord {
  // Two fields and getters: a response holds hundreds of edges, and each field copied here was memory to collect.
  constructor(
    private readonly row: CompiledEdge,
    private readonly shared: EdgeContext,
  ) {}

  get type(): string {
    return this.row.t ?? this.shared.type!;
  }

  get direction(): 'OUTGOING' | 'INCOMING' {
    return this.row.d ?? this.shared.direction!;
  }

  get node(): EntityRecord | undefined {
    return this.row.node;
  }

  get role(): string | null {
    return this.row.role ?? null;
  }

  get status(): string | null {
    return this.row.status ?? null;
  }

  /** The sort key [type, direction, other id, anchor id], encoded. */
  get cursor(): string {
    return encodeCursor(RELATION_ORDERING, [this.type, this.direction, this.row.i!, this.row.h ?? this.shared.anchorId]);
  }

  /** One piece of evidence per source, with the source and statement entities the statement read when they were selected. */
  get evidence(): EvidenceRecord[] {
    const { ev, evSources, evStatements } = this.row;
    // Only the sources were selected: the statement returned them alone, in the relationship's order.
    if (!ev) return (evSources ?? []).map((s) => ({ sourceId: s.id, source: s.entity }));
    const sources = evSources ? new Map(evSources.map((s) => [s.id, s.entity])) : null;
    const statement = evStatements ? { statementEntity: evStatements[0] ?? null } : {};
    return evidenceOf(ev).map((e) => ({ ...e, ...(sources ? { source: sources.get(e.sourceId) ?? null } : {}), ...statement }));
  }

  get properties(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.row.props ?? {}).filter(([name]) => !EVIDENCE_PROPERTIES.has(name)));
  }
}

/** A relation field's connection from its compiled value. */
function connectionOf(
  compiled: CompiledRelation,
  entity: EntityRecord,
  args: RelationPageArgs & { types?: string[] | null },
  first: number,
  info: GraphQLResolveInfo,
): Connection<RelationEdgeRecord> {
  const total = compiled.total ?? 0;
  const spec = relationshipsOf(info.parentType as GraphQLObjectType, info.fieldName, args);
  const shared: EdgeContext = {
    type: spec.types?.length === 1 ? spec.types[0] : undefined,
    direction: spec.direction === 'BOTH' ? undefined : spec.direction,
    anchorId: entity.id,
  };
  return toConnection(
    (compiled.page ?? []).map((row) => new CompiledRelationEdge(row, shared)),
    { first, after: args.after },
    () => total,
  );
}

/**
 * The resolver of every relation field (typed ones and `relations`). The
 * compiled statement of the root field has already read the page into the
 * parent, under `@` + the field's response key; this only shapes it, and
 * without a promise, which graphql-js completes much faster. An entity
 * read otherwise (by the exploration API) gets the same compiled
 * expression through a batched loader. Arguments are checked here as well,
 * so a bad one is reported at this field's path.
 */
export function relationConnection(
  entity: EntityRecord,
  args: RelationPageArgs & { types?: string[] | null },
  ctx: Context,
  info: GraphQLResolveInfo,
): Connection<RelationEdgeRecord> | Promise<Connection<RelationEdgeRecord>> {
  const { first } = relationPageArgs(args, ctx.config.limits);
  if (info.fieldName === 'relations') checkRelationTypes(args.types, 'types');
  const compiled = entity[`@${info.path.key}`] as CompiledRelation | null | undefined;
  if (compiled) return connectionOf(compiled, entity, args, first, info);
  const statement = compileRelationsById(planContextOf(info, ctx.config.limits), info.parentType as GraphQLObjectType, info.fieldNodes)!;
  return ctx.loaders
    .relationsById(statement)
    .load(entity.id)
    .then((loaded) => connectionOf((loaded ?? {}) as CompiledRelation, entity, args, first, info));
}
