export { buildSchema } from './buildSchema';
export { loadTypeDefs, schemaDir } from './loadTypeDefs';
