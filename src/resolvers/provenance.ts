import { notFound } from '../errors';
import type { EntityRecord } from '../model';
import { parseClaims, reportsOf, type ClaimRecord, type ReportRecord } from '../provenance';
import type { Context } from '../server/Context';

/** The kind of Source whose claims are editors' background knowledge, not reporting. */
export const EDITORIAL_SOURCE_KIND = 'editorial reference';

/** Claims come with the entity's properties; an entity loaded without them (a narrower projection) reads them. */
async function claimsOf(entity: EntityRecord, property: string | null | undefined, ctx: Context): Promise<ClaimRecord[]> {
  if ('claims' in entity) return parseClaims(entity.claims as string[] | null, property);
  const rows = await ctx.db.read<{ claims: string[] | null }>('entityClaims', 'MATCH (n:Entity {id: $id}) RETURN n.claims AS claims', { id: entity.id });
  return parseClaims(rows[0]?.claims, property);
}

const claimsField = { claims: (entity: EntityRecord, args: { property?: string | null }, ctx: Context) => claimsOf(entity, args.property, ctx) };
const reportsField = { reports: (entity: EntityRecord, _: unknown, ctx: Context) => reportsOf(ctx.db, entity.id) };

const loadSource = async (id: string, ctx: Context) => {
  const source = await ctx.loaders.entityById.load(id);
  if (!source) throw notFound(`Source ${id} is cited but not in the graph.`, { id });
  return source;
};

/** Entity.claims on every type, reports on reported types, and the Claim and Report types (schema/provenance.graphql). */
export const provenanceResolvers = {
  Person: claimsField,
  Office: claimsField,
  Country: claimsField,
  Organization: claimsField,
  Place: claimsField,
  Source: claimsField,
  Meeting: { ...claimsField, ...reportsField },
  Proposal: { ...claimsField, ...reportsField },
  Statement: { ...claimsField, ...reportsField },
  Event: { ...claimsField, ...reportsField },
  Figure: { ...claimsField, ...reportsField },
  Claim: {
    source: (claim: ClaimRecord, _: unknown, ctx: Context) => loadSource(claim.sourceId, ctx),
    async editorial(claim: ClaimRecord, _: unknown, ctx: Context) {
      const source = await ctx.loaders.entityById.load(claim.sourceId);
      return source?.kind === EDITORIAL_SOURCE_KIND;
    },
  },
  Report: {
    source: (report: ReportRecord, _: unknown, ctx: Context) => loadSource(report.sourceId, ctx),
    publishedBy: async (report: ReportRecord, _: unknown, ctx: Context) => (await ctx.loaders.entityById.loadMany(report.publishedBy)).filter(isEntity),
    cites: async (report: ReportRecord, _: unknown, ctx: Context) => (await ctx.loaders.entityById.loadMany(report.cites)).filter(isEntity),
    statement: (report: ReportRecord, _: unknown, ctx: Context) => (report.statementId ? ctx.loaders.entityById.load(report.statementId) : null),
  },
};

function isEntity(value: EntityRecord | null | Error): value is EntityRecord {
  return value !== null && !(value instanceof Error);
}
