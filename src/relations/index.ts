export { RELATION_FIELDS, RESPONSE_TYPES } from './relationFields';
export { checkRelationTypes } from './checkRelationTypes';
export { relationPageArgs, RELATION_ORDERING } from './relationPageArgs';
export type { RelationPageArgs } from './relationPageArgs';
export type { Direction, RelationField, RelationFieldSpec, RelationStep } from './RelationFieldSpec';
