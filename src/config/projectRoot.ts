import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository's top folder, found by walking up to package.json, so that
 * schema/, seed/ and neo4j/ resolve the same from src/ (ts-jest) and dist/.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
