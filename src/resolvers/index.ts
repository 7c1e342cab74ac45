import { mergeResolvers } from '@graphql-tools/merge';
import { analystCypherResolvers } from './analystCypher';
import { analystSavedQueryResolvers } from './analystSavedQueries';
import { entityResolvers } from './entity';
import { entityFieldResolvers } from './entityFields';
import { explorationResolvers } from './exploration';
import { findabilityResolvers } from './findability';
import { listResolvers } from './lists';
import { mutationResolvers } from './mutations';
import { provenanceResolvers } from './provenance';
import { relationResolvers } from './relations';
import { searchResolvers } from './search';
import { serverInfoResolvers } from './serverInfo';
import { subscriptionResolvers } from './subscriptions';
import { viewerResolvers } from './viewer';

export { LIST_QUERIES } from './lists';

/** Every resolver map, one per concern, merged into the one the schema uses. */
export const resolvers = mergeResolvers([
  serverInfoResolvers,
  entityResolvers,
  entityFieldResolvers,
  relationResolvers,
  listResolvers,
  searchResolvers,
  provenanceResolvers,
  findabilityResolvers,
  explorationResolvers,
  viewerResolvers,
  analystCypherResolvers,
  analystSavedQueryResolvers,
  mutationResolvers,
  subscriptionResolvers,
]);
