import type DataLoader from 'dataloader';
import type { Db } from '../db';
import type { EntityRecord } from '../model';
import { entityByIdLoader } from './entityByIdLoader';
import { relatedCountLoader, relatedLoader, type RelatedEdgeRow, type RelatedKey } from './relatedLoader';

/**
 * The DataLoaders of one request. Made in the context function for every
 * request (never shared), so one user's cache never answers another's.
 */
export interface Loaders {
  entityById: DataLoader<string, EntityRecord | null>;
  /** Pages of relationships of entities: every relation field of one query level in one round-trip. */
  related: DataLoader<RelatedKey, RelatedEdgeRow[], string>;
  /** Relationship totals, for totalCount on relation connections (only when selected). */
  relatedCount: DataLoader<RelatedKey, number, string>;
}

/** Makes the loaders of one request over its executor. */
export function createLoaders(db: Db): Loaders {
  const entityById = entityByIdLoader(db);
  return {
    entityById,
    related: relatedLoader(db, entityById),
    relatedCount: relatedCountLoader(db),
  };
}
