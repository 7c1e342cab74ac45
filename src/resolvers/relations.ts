import { RELATION_FIELDS } from '../relations';
import { relationConnection } from './relationConnection';

/** Every typed relation field (Person.offices, Proposal.proposer ...), made from RELATION_FIELDS. */
const typedRelationResolvers = Object.fromEntries(
  Object.entries(RELATION_FIELDS).map(([typeName, fields]) => [
    typeName,
    Object.fromEntries(Object.keys(fields).map((field) => [field, relationConnection])),
  ]),
);

/** Entity.relations on every type, the typed relation fields, and the Relationship interface. */
export const relationResolvers = {
  ...typedRelationResolvers,
  Entity: {
    // Inherited by every entity type (inheritResolversFromInterfaces).
    relations: relationConnection,
  },
  Relationship: {
    // Every field returning edges names its concrete edge type; this only answers a query through the interface itself.
    __resolveType: () => 'RelationEdge',
  },
};
