import type { Db } from '../db';

/**
 * The DataLoaders of one request. Made in the context function for every
 * request (never shared), so one user's cache never answers another's.
 */
export interface Loaders {}

export function createLoaders(_db: Db): Loaders {
  return {};
}
