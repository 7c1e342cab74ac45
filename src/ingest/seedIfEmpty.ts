import path from 'node:path';
import { projectRoot } from '../config';
import type { Db } from '../db';
import { defaultSeedFiles } from './defaultSeedFiles';
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
  log: (message: string, fields?: Record<string, unknown>) => void,
  files = defaultSeedFiles(),
  options?: LoadSeedOptions,
): Promise<SeedSummary | null> {
  const [{ entities }] = await db.read<{ entities: number }>('countEntities', COUNT_ENTITIES);
  if (entities > 0) {
    log(`The graph already holds ${entities} entities: not seeding.`);
    return null;
  }
  const summary = await loadSeedFiles(db, files, options);
  // One line with the counts as fields (a log collector indexes them; a terminal shows them below the line).
  const created = (counts: SeedSummary['entities']) => Object.values(counts).reduce((total, c) => total + c.created, 0);
  log(
    `Seeded the empty graph from ${summary.files.length} document${summary.files.length === 1 ? '' : 's'}: ` +
      `${created(summary.entities)} entities and ${created(summary.relations)} relationships created.`,
    {
      seed: {
        documents: summary.files.map((file) => path.relative(projectRoot, file)),
        entities: summary.entities,
        relationships: summary.relations,
      },
    },
  );
  return summary;
}
