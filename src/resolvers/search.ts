import type { GraphQLResolveInfo } from 'graphql';
import { ENTITY_TYPES, type EntityType } from '../model';
import { searchEntities } from '../search';
import type { Context } from '../server/Context';

/** GraphQL EntityType values (PERSON) to labels (Person). */
const LABEL_OF = new Map<string, EntityType>(ENTITY_TYPES.map((label) => [label.toUpperCase(), label]));

/** Query.search: full-text search over names, aliases and descriptions. */
export const searchResolvers = {
  Query: {
    search: (_: unknown, args: { text: string; types?: string[] | null; first?: number | null }, ctx: Context, info: GraphQLResolveInfo) =>
      searchEntities(
        ctx,
        {
          text: args.text,
          types: args.types?.map((type) => LABEL_OF.get(type)!),
          first: args.first,
        },
        info,
      ),
  },
};
