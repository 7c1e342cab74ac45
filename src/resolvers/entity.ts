import {
  CountryCodeResolver,
  DateResolver,
  DateTimeResolver,
  JSONResolver,
  NonNegativeFloatResolver,
  NonNegativeIntResolver,
  URLResolver,
} from 'graphql-scalars';
import { badInput, notFound } from '../errors';
import type { EntityRecord, EvidenceRecord } from '../model';
import { findEntityByReference } from '../provenance';
import type { Context } from '../server/Context';

/** Query.entity / Query.entities, the Entity interface, Evidence and the shared scalars. */
export const entityResolvers = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  URL: URLResolver,
  NonNegativeInt: NonNegativeIntResolver,
  NonNegativeFloat: NonNegativeFloatResolver,
  CountryCode: CountryCodeResolver,

  Query: {
    // Not an id: a former id, a name or an alias ("witkoff") answers with the canonical entity.
    entity: async (_: unknown, args: { id: string }, ctx: Context) =>
      (await ctx.loaders.entityById.load(args.id)) ?? findEntityByReference(ctx.db, args.id),
    entities(_: unknown, args: { ids: string[] }, ctx: Context) {
      const max = ctx.config.limits.listMax;
      if (args.ids.length > max) {
        throw badInput(`ids: at most ${max} ids per request, got ${args.ids.length}.`, { argument: 'ids', max });
      }
      return ctx.loaders.entityById.loadMany(args.ids);
    },
  },

  Entity: {
    __resolveType: (entity: EntityRecord) => entity.label,
    // Inherited by every entity type (inheritResolversFromInterfaces).
    type: (entity: EntityRecord) => entity.label.toUpperCase(),
    aliases: (entity: EntityRecord) => entity.aliases ?? [],
  },

  Evidence: {
    async source(evidence: EvidenceRecord, _: unknown, ctx: Context) {
      const source = await ctx.loaders.entityById.load(evidence.sourceId);
      if (!source) throw notFound(`Source ${evidence.sourceId} is cited but not in the graph.`, { id: evidence.sourceId });
      return source;
    },
    statement: (evidence: EvidenceRecord, _: unknown, ctx: Context) =>
      evidence.statement ? ctx.loaders.entityById.load(evidence.statement) : null,
  },
};
