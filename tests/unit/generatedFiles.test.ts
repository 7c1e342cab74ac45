import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printSchema } from 'graphql';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../src/config';
import { buildSchema, modelGeneratedFiles } from '../../src/schema';

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');

/**
 * Fails unless the committed `file` holds exactly `expected`, with a message
 * that says what to run and where the first difference is (a plain string
 * comparison would print two whole files).
 */
function expectCurrent(file: string, expected: string): void {
  const committed = fs.existsSync(path.join(projectRoot, file)) ? read(file) : null;
  if (committed === expected) return;
  let where = 'the file is missing';
  if (committed !== null) {
    const [mine, theirs] = [committed.split('\n'), expected.split('\n')];
    const line = mine.findIndex((text, i) => text !== theirs[i]);
    const at = line < 0 ? mine.length : line;
    where = `first difference at line ${at + 1}:\n  committed: ${JSON.stringify(mine[at] ?? '(end of file)')}\n  generated: ${JSON.stringify(theirs[at] ?? '(end of file)')}`;
  }
  throw new Error(`${file} is stale: run \`npm run generate\` and commit the result (${where})`);
}

/**
 * Every generated file must be what `npm run generate` makes of its source
 * today: the relation fields and `claims` under schema/ and the table of
 * docs/api.md (from src/relations/relationFields.ts and the entity labels),
 * schema.graphql (for clients) and src/generated/resolverTypes.ts (for the
 * resolvers). After a change, `npm run generate` rewrites them all, and
 * this test says so until then.
 */
describe('generated files are current', () => {
  it.each(modelGeneratedFiles(read).map(({ file, text }) => [file, text]))('%s is what the model generates', (file, text) => {
    expectCurrent(file, text);
  });

  it('says which file is stale, what to run, and where they differ', () => {
    const [{ file, text }] = modelGeneratedFiles(read);
    expect(() => expectCurrent(file, text.replace('relations(', 'relationz('))).toThrow(
      new RegExp(`^${file} is stale: run \`npm run generate\` and commit the result \\(first difference at line \\d+:`),
    );
  });

  it('schema.graphql is the SDL the server serves', () => {
    expectCurrent('schema.graphql', `${printSchema(buildSchema())}\n`);
  });

  it('src/generated/resolverTypes.ts is what GraphQL Code Generator makes of schema.graphql', () => {
    // The generator's CLI (an ES module Jest cannot load), writing the same output to a temporary folder.
    const config = parse(read('codegen.yml'));
    const [[target, output]] = Object.entries(config.generates);
    expect(target).toBe('src/generated/resolverTypes.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-codegen-'));
    try {
      const file = path.join(dir, 'resolverTypes.ts');
      fs.writeFileSync(path.join(dir, 'codegen.yml'), stringify({ ...config, generates: { [file]: output } }));
      const cli = path.join(projectRoot, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
      const run = spawnSync(process.execPath, [cli, '--config', path.join(dir, 'codegen.yml'), '--silent'], { cwd: projectRoot, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expectCurrent('src/generated/resolverTypes.ts', fs.readFileSync(file, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
