export { ENTITY_TYPES, entityTypeName, isEntityType, labelOfEntityTypeName } from './entityTypes';
export type { EntityType } from './entityTypes';
export { evidenceOf } from './EntityRecord';
export type { EntityRecord, EvidenceProperties, EvidenceRecord } from './EntityRecord';
export { RELATION_RULES, RELATION_TYPES, isRelationType } from './relationTypes';
export type { RelationRule, RelationType } from './relationTypes';
