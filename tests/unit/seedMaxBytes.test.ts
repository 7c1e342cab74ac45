import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeedFiles, SeedValidationError } from '../../src/ingest';

describe('SEED_MAX_BYTES', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-seed-size-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a seed file over the limit by its size, before reading it', () => {
    const big = path.join(dir, 'big.yaml');
    // Not even YAML: were it read and parsed, the problem would be a parse error, not the size.
    fs.writeFileSync(big, ':\n'.repeat(1_500));
    let caught: unknown;
    try {
      readSeedFiles([big], 1_000);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SeedValidationError);
    expect((caught as Error).message).toMatch(/3000 bytes; at most 1000 are read \(SEED_MAX_BYTES\)/);
  });

  it('reads a file within the limit', () => {
    const small = path.join(dir, 'small.yaml');
    fs.writeFileSync(small, 'documents: []\n');
    expect(readSeedFiles([small], 1_000)).toEqual([{ file: small, text: 'documents: []\n' }]);
  });
});
