export { ENTITY_TYPES, isEntityType } from './entityTypes';
export type { EntityType } from './entityTypes';
