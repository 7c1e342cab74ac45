import DataLoader from 'dataloader';
import { readCompiled, type CompiledStatement } from '../compile';
import type { Db } from '../db';

/** The loader of one compiled relation statement: values by entity id. */
export type RelationsById = (statement: CompiledStatement) => DataLoader<string, unknown>;

/**
 * Relation fields of entities that no compiled statement read (entities
 * from the exploration API, for one): one loader per compiled statement
 * (its text and values), so every entity at that place of the response is
 * answered by one round-trip, `UNWIND $ids`.
 */
export function relationsByIdLoader(db: Db): RelationsById {
  const loaders = new Map<string, DataLoader<string, unknown>>();
  return (statement) => {
    const key = `${statement.text}\n${JSON.stringify(statement.params)}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await readCompiled<{ id: string; value: unknown }>(db, 'relationsById', statement, { ...statement.params, ids });
        const byId = new Map(rows.map((row) => [row.id, row.value]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}
