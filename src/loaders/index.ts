export { createLoaders } from './createLoaders';
export type { Loaders } from './createLoaders';
export type { RelatedEdgeRow, RelatedKey } from './relatedLoader';
