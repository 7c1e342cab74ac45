/**
 * The entity labels of the knowledge graph. Every entity node carries one of
 * these and also `Entity`. The GraphQL EntityType enum uses the same names.
 */
export const ENTITY_TYPES = [
  'Person',
  'Office',
  'Country',
  'Organization',
  'Place',
  'Meeting',
  'Proposal',
  'Event',
  'Statement',
  'Source',
  'Figure',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** True when `value` is one of the entity labels (and so safe to put into query text). */
export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** The GraphQL EntityType value of a label: Person → PERSON. The one place the two spellings meet. */
export function entityTypeName(label: EntityType): string {
  return label.toUpperCase();
}

const LABEL_BY_TYPE_NAME = new Map<string, EntityType>(ENTITY_TYPES.map((label) => [entityTypeName(label), label]));

/** The label of a GraphQL EntityType value: PERSON → Person; undefined for anything else. */
export function labelOfEntityTypeName(name: string): EntityType | undefined {
  return LABEL_BY_TYPE_NAME.get(name);
}
