import type { QueryResolvers, Role } from '../generated/resolverTypes';

/** Query.viewer: the caller's role, as the context function authenticated it. */
export const viewerResolvers: { Query: Pick<QueryResolvers, 'viewer'> } = {
  Query: {
    viewer(_parent, _args, ctx) {
      return { role: ctx.viewer.role.toUpperCase() as Role, keyName: ctx.viewer.keyName ?? null, subject: ctx.viewer.subject ?? null };
    },
  },
};
