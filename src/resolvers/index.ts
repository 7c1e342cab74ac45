import { mergeResolvers } from '@graphql-tools/merge';
import { entityResolvers } from './entity';
import { serverInfoResolvers } from './serverInfo';

/** Every resolver map, one per concern, merged into the one the schema uses. */
export const resolvers = mergeResolvers([serverInfoResolvers, entityResolvers]);
