export { buildSchema } from './buildSchema';
export { loadTypeDefs, schemaDir } from './loadTypeDefs';
export { modelGeneratedFiles, RELATION_FIELDS_DOC_FILE } from './modelGeneratedFiles';
export type { GeneratedFile } from './modelGeneratedFiles';
export { relationConnectionType } from './printRelationFieldsSdl';
