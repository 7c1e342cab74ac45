export { createLoaders } from './createLoaders';
export type { Loaders } from './createLoaders';
