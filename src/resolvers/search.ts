import type { GraphQLResolveInfo } from 'graphql';
import { labelOfEntityTypeName } from '../model';
import { searchEntities } from '../search';
import type { Context } from '../server/Context';

/** Query.search: full-text search over names, aliases and descriptions. */
export const searchResolvers = {
  Query: {
    search: (_: unknown, args: { text: string; types?: string[] | null; first?: number | null }, ctx: Context, info: GraphQLResolveInfo) =>
      searchEntities(
        ctx,
        {
          text: args.text,
          types: args.types?.map((type) => labelOfEntityTypeName(type)!),
          first: args.first,
        },
        info,
      ),
  },
};
