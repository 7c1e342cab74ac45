import type { Db } from '../db';
import { createLoaders } from '../loaders';
import {
  assertRelation,
  ingestDocument,
  mergeEntities,
  readAuditTrail,
  readRetractions,
  retractProperty,
  retractRelation,
  upsertEntity,
  type AssertRelationInput,
  type IngestDocumentInput,
  type MergeEntitiesInput,
  type MutationEnv,
  type RetractPropertyInput,
  type RetractRelationInput,
  type UpsertEntityInput,
  type WriteInfo,
} from '../mutations';
import type { Context } from '../server/Context';

const env = (ctx: Context): MutationEnv => ({ db: ctx.db, viewer: ctx.viewer, changes: ctx.changes, timeoutMs: ctx.config.writes.timeoutMs });

/** The write API (schema/mutations.graphql); every mutation lives in src/mutations. */
export const mutationResolvers = {
  Mutation: {
    upsertEntity: (_: unknown, { input }: { input: UpsertEntityInput }, ctx: Context) => upsertEntity(env(ctx), input),
    assertRelation: (_: unknown, { input }: { input: AssertRelationInput }, ctx: Context) => assertRelation(env(ctx), input),
    retractRelation: (_: unknown, { input }: { input: RetractRelationInput }, ctx: Context) => retractRelation(env(ctx), input),
    retractProperty: (_: unknown, { input }: { input: RetractPropertyInput }, ctx: Context) => retractProperty(env(ctx), input),
    mergeEntities: (_: unknown, { input }: { input: MergeEntitiesInput }, ctx: Context) => mergeEntities(env(ctx), input),
    ingestDocument: (_: unknown, { input }: { input: IngestDocumentInput }, ctx: Context) =>
      ingestDocument(env(ctx), input, ctx.config.writes.ingestMaxBytes),
  },
  Query: {
    auditTrail: (_: unknown, args: { entityId: string; first?: number | null; after?: string | null }, ctx: Context) =>
      readAuditTrail(ctx.db, ctx.viewer, ctx.config.limits, args),
    retractions: (_: unknown, args: { entityId: string; first?: number | null }, ctx: Context) =>
      readRetractions(ctx.db, ctx.viewer, ctx.config.limits, args),
  },
  EntityWrite: {
    /**
     * Read after the commit with its bookmarks, so that on a cluster the
     * answer shows this write even from a member that is behind.
     */
    entity: (parent: { entityId: string; write: WriteInfo }, _: unknown, ctx: Context) =>
      createLoaders(ctx.db.forRequest({}, parent.write.bookmarks) as Db).entityById.load(parent.entityId),
  },
};
