import type DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';
import { entityByIdLoader } from './entityByIdLoader';
import { relationsByIdLoader, type RelationsById } from './relationsByIdLoader';

/**
 * The DataLoaders of one request. Made in the context function for every
 * request (never shared), so one user's cache never answers another's.
 * Compiled statements answer most of a query; these batch what is left.
 */
export interface Loaders {
  entityById: DataLoader<string, EntityRecord | null>;
  /** Relation fields of entities read without a compiled statement; one round-trip per field and place. */
  relationsById: RelationsById;
}

/** Makes the loaders of one request over its executor. */
export function createLoaders(db: Db): Loaders {
  return {
    entityById: entityByIdLoader(db),
    relationsById: relationsByIdLoader(db),
  };
}
