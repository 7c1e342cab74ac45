export { createLoaders } from './createLoaders';
export type { Loaders } from './createLoaders';
export type { RelationsById } from './relationsByIdLoader';
