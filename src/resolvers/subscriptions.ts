import { badInput } from '../errors';
import { isRelationType } from '../model';
import type { ChangeEvent } from '../mutations';
import type { Context } from '../server/Context';

const MAX_TYPES = 50;

/** Subscription fields over the app's change feed (schema/subscriptions.graphql). */
export const subscriptionResolvers = {
  Subscription: {
    entityChanged: {
      subscribe: (_: unknown, args: { id: string }, ctx: Context) => ctx.changes.subscribe({ entityId: args.id }),
      resolve: (event: ChangeEvent) => event,
    },
    relationsChanged: {
      subscribe: (_: unknown, args: { types: string[] }, ctx: Context) => {
        if (args.types.length === 0 || args.types.length > MAX_TYPES) {
          throw badInput(`types: expected 1 to ${MAX_TYPES} relationship types, got ${args.types.length}.`, { argument: 'types' });
        }
        const unknown = args.types.filter((t) => !isRelationType(t));
        if (unknown.length)
          throw badInput(`types: unknown relationship type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')}.`, {
            argument: 'types',
            value: unknown,
          });
        return ctx.changes.subscribe({ relationTypes: args.types });
      },
      resolve: (event: ChangeEvent) => event,
    },
  },
};
