import type { Db } from '../db';
import { defaultSeedFiles } from './defaultSeedFiles';
import { formatSeedSummary } from './formatSeedSummary';
import { loadSeedFiles, type LoadSeedOptions, type SeedSummary } from './loadSeedDocuments';
import { COUNT_ENTITIES } from './seedQueries';

/**
 * Loads the default seed (seed/documents/*.yaml) when the graph has no
 * entity yet, so that a fresh `npm start` serves the article's graph; a graph
 * that already has data is left alone (use `npm run seed` to load again).
 * Returns the summary, or null when nothing was loaded.
 */
export async function seedIfEmpty(
  db: Db,
  log: (message: string) => void,
  files = defaultSeedFiles(),
  options?: LoadSeedOptions,
): Promise<SeedSummary | null> {
  const [{ entities }] = await db.read<{ entities: number }>('countEntities', COUNT_ENTITIES);
  if (entities > 0) {
    log(`The graph already holds ${entities} entities: not seeding.`);
    return null;
  }
  const summary = await loadSeedFiles(db, files, options);
  log(formatSeedSummary(summary));
  return summary;
}
