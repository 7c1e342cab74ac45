import type { GraphQLResolveInfo } from 'graphql';
import { listEntities, type ListArgs } from '../lists';
import type { EntityType } from '../model';
import type { Context } from '../server/Context';

/** The list query of each entity type. */
export const LIST_QUERIES: Record<string, EntityType> = {
  persons: 'Person',
  offices: 'Office',
  countries: 'Country',
  organizations: 'Organization',
  places: 'Place',
  meetings: 'Meeting',
  proposals: 'Proposal',
  events: 'Event',
  statements: 'Statement',
  sources: 'Source',
  figures: 'Figure',
};

/** Query.persons, Query.meetings ...: filtered, ordered, keyset-paginated lists, one per entity type. */
export const listResolvers = {
  Query: Object.fromEntries(
    Object.entries(LIST_QUERIES).map(([field, label]) => [
      field,
      (_: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => listEntities(ctx, label, args, info),
    ]),
  ),
};
