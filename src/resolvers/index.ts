import { mergeResolvers } from '@graphql-tools/merge';
import { analystCypherResolvers } from './analystCypher';
import { analystSavedQueryResolvers } from './analystSavedQueries';
import { entityResolvers } from './entity';
import { explorationResolvers } from './exploration';
import { serverInfoResolvers } from './serverInfo';
import { viewerResolvers } from './viewer';

/** Every resolver map, one per concern, merged into the one the schema uses. */
export const resolvers = mergeResolvers([serverInfoResolvers, entityResolvers, explorationResolvers, viewerResolvers, analystCypherResolvers, analystSavedQueryResolvers]);
