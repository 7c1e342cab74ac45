import { hasRole, requireRole } from '../auth';
import type { SavedQuery } from '../cypher-sandbox';
import { notFound } from '../errors';
import type { MutationResolvers, QueryResolvers, SavedQueryParameterResolvers, SavedQueryParameterType } from '../generated/resolverTypes';
import type { Context } from '../server/Context';

/** The saved queries a viewer may see: public ones for readers, all for analysts and admins. */
function visibleTo(ctx: Context): readonly SavedQuery[] {
  return hasRole(ctx.viewer, 'analyst') ? ctx.cypher.savedQueries : ctx.cypher.savedQueries.filter((q) => q.public);
}

/** Query.savedQueries and Query.runSavedQuery. */
export const analystSavedQueryResolvers: {
  Query: Pick<QueryResolvers, 'savedQueries' | 'runSavedQuery'>;
  Mutation: Pick<MutationResolvers, 'reloadSavedQueries'>;
  SavedQueryParameter: Pick<SavedQueryParameterResolvers, 'type' | 'items'>;
} = {
  Query: {
    savedQueries(_parent, _args, ctx) {
      return [...visibleTo(ctx)];
    },
    async runSavedQuery(_parent, args, ctx) {
      const query = ctx.cypher.findSavedQuery(args.name);
      // A private query is NOT_FOUND to those who may not run it, exactly as an unknown name: its name is not revealed either.
      if (!query || (!query.public && !hasRole(ctx.viewer, 'analyst'))) {
        throw notFound(`There is no saved query named ${JSON.stringify(args.name)}.`, { argument: 'name', value: args.name });
      }
      return ctx.cypher.runSavedQuery(ctx.db, query, args.params, args.limit, { requestId: ctx.requestId, keyName: ctx.viewer.keyName });
    },
  },
  Mutation: {
    reloadSavedQueries(_parent, _args, ctx) {
      requireRole(ctx.viewer, 'admin', 'reloadSavedQueries');
      const names = ctx.cypher.reloadSavedQueries();
      ctx.logger.info({ count: names.length }, 'saved queries reloaded');
      return { count: names.length, names };
    },
  },
  SavedQueryParameter: {
    type: (parameter) => parameter.type.toUpperCase() as SavedQueryParameterType,
    items: (parameter) => (parameter.items?.toUpperCase() as SavedQueryParameterType | undefined) ?? null,
  },
};
