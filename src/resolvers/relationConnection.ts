import { badInput } from '../errors';
import type { RelatedEdgeRow, RelatedKey } from '../loaders';
import { evidenceOf, type EntityRecord, type EvidenceRecord } from '../model';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../pagination';
import type { Context } from '../server/Context';

/** Relation edges sort by [type, direction, other id, anchor id]; their cursors hold that key. */
const ORDERING = 'RELATION';
const SORT_KEY_LENGTH = 4;

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

/** A relation edge as the RelationEdge and typed edge types resolve it. */
export interface RelationEdgeRecord {
  cursor: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  node: EntityRecord;
  evidence: EvidenceRecord[];
  /** The relationship's descriptive properties: everything but the evidence. */
  properties: Record<string, unknown>;
  role: string | null;
  status: string | null;
}

/** The arguments every relation field takes. */
export interface RelationPageArgs {
  first?: number | null;
  after?: string | null;
}

function toEdge(row: RelatedEdgeRow): RelationEdgeRecord {
  const properties = Object.fromEntries(Object.entries(row.properties).filter(([name]) => !EVIDENCE_PROPERTIES.has(name)));
  return {
    cursor: encodeCursor(ORDERING, row.sortKey),
    type: row.type,
    direction: row.direction,
    node: row.node,
    evidence: evidenceOf(row.properties),
    properties,
    role: typeof properties.role === 'string' ? properties.role : null,
    status: typeof properties.status === 'string' ? properties.status : null,
  };
}

/**
 * One page of an entity's relationships through the request's loaders: the
 * edges of all entities at one level of a query come back in one
 * round-trip, and totalCount costs one more only when it is selected.
 */
export async function relationConnection(
  ctx: Context,
  entityId: string,
  select: Omit<RelatedKey, 'id' | 'first' | 'after'>,
  args: RelationPageArgs,
): Promise<Connection<RelationEdgeRecord>> {
  const first = pageSize(args.first, ctx.config.limits);
  const after = args.after ? decodeCursor(args.after, ORDERING, SORT_KEY_LENGTH) : null;
  if (after && !after.every((value) => typeof value === 'string')) {
    throw badInput(`after: "${args.after}" is not a cursor of this list (malformed sort key).`, { argument: 'after', value: args.after });
  }
  const key: RelatedKey = { id: entityId, ...select, first, after: after as string[] | null };
  const rows = await ctx.loaders.related.load(key);
  return toConnection(rows.map(toEdge), first, () => ctx.loaders.relatedCount.load(key));
}
