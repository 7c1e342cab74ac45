import type { Context } from '../server/Context';

/** Query.viewer: the caller's role, as the context function authenticated it. */
export const viewerResolvers = {
  Query: {
    viewer(_parent: unknown, _args: unknown, ctx: Context) {
      return { role: ctx.viewer.role.toUpperCase(), keyName: ctx.viewer.keyName ?? null, subject: ctx.viewer.subject ?? null };
    },
  },
};
