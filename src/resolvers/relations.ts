import type { EntityRecord } from '../model';
import { RELATION_FIELDS, checkRelationTypes, type Direction, type RelationFieldSpec } from '../relations';
import type { Context } from '../server/Context';
import { relationConnection, type RelationPageArgs } from './relationConnection';

/** The resolver of one typed relation field: its spec becomes a key of the request's related loader. */
function relationField(spec: RelationFieldSpec) {
  const select = {
    types: spec.types,
    direction: spec.direction,
    label: spec.label ?? null,
    via: spec.via ?? null,
  };
  return (entity: EntityRecord, args: RelationPageArgs, ctx: Context) => relationConnection(ctx, entity.id, select, args);
}

/** Every typed relation field (Person.offices, Proposal.proposer ...), made from RELATION_FIELDS. */
const typedRelationResolvers = Object.fromEntries(
  Object.entries(RELATION_FIELDS).map(([typeName, fields]) => [
    typeName,
    Object.fromEntries(Object.entries(fields).map(([field, spec]) => [field, relationField(spec)])),
  ]),
);

/** Entity.relations on every type, the typed relation fields, and the Relationship interface. */
export const relationResolvers = {
  ...typedRelationResolvers,
  Entity: {
    // Inherited by every entity type (inheritResolversFromInterfaces).
    relations(entity: EntityRecord, args: RelationPageArgs & { direction?: Direction | null; types?: string[] | null }, ctx: Context) {
      const types = checkRelationTypes(args.types, 'types');
      return relationConnection(ctx, entity.id, { types, direction: args.direction ?? 'BOTH', label: null, via: null }, args);
    },
  },
  Relationship: {
    // Every field returning edges names its concrete edge type; this only answers a query through the interface itself.
    __resolveType: () => 'RelationEdge',
  },
};
