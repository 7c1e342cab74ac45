import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

/** Where the seed documents live; every *.yaml file here is part of the default seed. */
export const seedDocumentsDir = path.join(projectRoot, 'seed', 'documents');

/** The checked-in JSON Schema of the seed format. */
export const seedJsonSchemaPath = path.join(projectRoot, 'seed', 'seed-document.schema.json');

/** The default seed: every seed/documents/*.yaml file, in name order so that loads are repeatable. */
export function defaultSeedFiles(dir = seedDocumentsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}
