import { notFound } from '../errors';
import type { EntityRecord } from '../model';
import type { ExplorationDeps } from './ExplorationDeps';

/** An id to load, and the argument it came from (for the error message). */
export interface EntityRequest {
  argument: string;
  id: string;
}

/**
 * Loads the entities an exploration starts from, in one round-trip through
 * the request's loader, in the order asked. An unknown id fails with
 * NOT_FOUND naming the argument and every unknown id of it.
 */
export async function loadEntities(deps: ExplorationDeps, requests: readonly EntityRequest[]): Promise<EntityRecord[]> {
  const loaded = await deps.entityById.loadMany(requests.map((request) => request.id));
  // A failed batch (the database, not the ids) surfaces as it is.
  const failure = loaded.find((value): value is Error => value instanceof Error);
  if (failure) throw failure;
  const missing = requests.filter((_, i) => loaded[i] === null);
  if (missing.length > 0) {
    const { argument } = missing[0];
    const ids = missing.filter((request) => request.argument === argument).map((request) => request.id);
    throw notFound(`${argument}: no entity with id ${ids.map((id) => `"${id}"`).join(', ')}.`, {
      argument,
      value: ids.length === 1 ? ids[0] : ids,
    });
  }
  return loaded as EntityRecord[];
}

/** Primes the loader with entities an exploration query already returned, so resolving them costs nothing. */
export function primeEntities(deps: ExplorationDeps, entities: Iterable<EntityRecord>): void {
  for (const entity of entities) deps.entityById.prime(entity.id, entity);
}
