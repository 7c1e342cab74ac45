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
 * One typed relation field (Person.offices, Proposal.proposer ...): the
 * relationships it follows and, for fields that look past an intermediate
 * entity (Proposal.participants: the participants of the meeting the
 * proposal concerns), the step taken first; and the description clients
 * read. Its GraphQL declaration is generated from this (see
 * src/schema/printRelationFieldsSdl.ts): the connection type follows from
 * `label` (`OfficeRelationConnection` for Office, `RelationConnection` when
 * the far end can be any entity).
 */
export interface RelationFieldSpec extends RelationStep {
  via?: RelationStep;
  /** The field's description in the schema; it names the relationship types it follows. */
  description: string;
}
