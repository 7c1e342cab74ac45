export { RELATION_FIELDS, RESPONSE_TYPES } from './relationFields';
export { checkRelationTypes } from './checkRelationTypes';
export type { Direction, RelationFieldSpec, RelationStep } from './RelationFieldSpec';
