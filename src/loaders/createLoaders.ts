import type DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';
import { entityByIdLoader } from './entityByIdLoader';

/**
 * The DataLoaders of one request. Made in the context function for every
 * request (never shared), so one user's cache never answers another's.
 */
export interface Loaders {
  entityById: DataLoader<string, EntityRecord | null>;
}

export function createLoaders(db: Db): Loaders {
  return {
    entityById: entityByIdLoader(db),
  };
}
