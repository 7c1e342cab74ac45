export { applySchema, SCHEMA_STATEMENTS } from './applySchema';
