import fs from 'node:fs';
import type { LocalNeo4j } from '../../src/neo4j-local';

/** Stops the run's Neo4j and removes its data folder. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__testNeo4j as { local: LocalNeo4j; dataDir: string } | undefined;
  if (!state) return;
  await state.local.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
