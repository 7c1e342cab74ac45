import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { modelGeneratedFiles } from '../schema';

/**
 * The first step of `npm run generate`: writes the files that follow from
 * the model (the relation fields and `claims` of every entity type in
 * schema/, the relation-field table of docs/api.md) and says which changed.
 * The later steps print schema.graphql from the schema these files make and
 * run GraphQL Code Generator on it. Needs no database.
 */
function main(): void {
  const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');
  for (const { file, text } of modelGeneratedFiles(read)) {
    const full = path.join(projectRoot, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
    if (current === text) {
      process.stdout.write(`${file}: unchanged\n`);
    } else {
      fs.writeFileSync(full, text);
      process.stdout.write(`${file}: written\n`);
    }
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate failed: ${(error as Error).message}\n`);
  process.exit(1);
}
