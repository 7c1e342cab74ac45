import type { EntityType, RelationType } from '../model';

/** Which way a relationship is followed from the entity at hand; the GraphQL Direction enum. */
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** One step through the graph: relationship types, their direction, and the label expected at the far end. */
export interface RelationStep {
  types: readonly RelationType[];
  direction: Exclude<Direction, 'BOTH'>;
  /** Only entities with this label at the far end; any entity when absent. */
  label?: EntityType;
}

/**
 * How a typed relation field (Person.offices, Proposal.proposer ...) reads
 * the graph: the relationships it follows and, for fields that look past an
 * intermediate entity (Proposal.participants: the participants of the
 * meeting the proposal concerns), the step taken first.
 */
export interface RelationFieldSpec extends RelationStep {
  via?: RelationStep;
}

/**
 * A typed relation field as RELATION_FIELDS declares it: how it reads the
 * graph, and the description clients read. Its GraphQL declaration is
 * generated from this (src/schema/printRelationFieldsSdl.ts); the
 * connection type follows from `label` (`OfficeRelationConnection` for
 * Office, `RelationConnection` when any entity can be at the far end).
 */
export interface RelationField extends RelationFieldSpec {
  /** The field's description in the schema; it names the relationship types the field follows. */
  description: string;
}
