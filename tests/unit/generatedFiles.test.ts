import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printSchema } from 'graphql';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../src/config';
import { buildSchema } from '../../src/schema';

/**
 * The committed schema.graphql (for clients) and src/generated/resolverTypes.ts
 * (for the resolvers) must match the SDL under schema/: after a schema
 * change, `npm run generate` rewrites both, and this test says so until then.
 */
describe('generated files are current', () => {
  const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');

  it('schema.graphql is the SDL the server serves', () => {
    expect(read('schema.graphql')).toBe(`${printSchema(buildSchema())}\n`);
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
      expect(read('src/generated/resolverTypes.ts')).toBe(fs.readFileSync(file, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
