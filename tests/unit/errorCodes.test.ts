import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { ErrorCode } from '../../src/errors';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('error codes', () => {
  it('are written as ErrorCode members, never as string literals, in src/', () => {
    const literals: string[] = [];
    for (const file of sources(path.join(projectRoot, 'src'))) {
      if (file.endsWith(path.join('errors', 'ErrorCode.ts'))) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bcode\s*:\s*['"`]([A-Z][A-Z_]+)['"`]/g)) {
        literals.push(`${path.relative(projectRoot, file)}: ${match[1]}`);
      }
    }
    expect(literals).toEqual([]);
  });

  it('list every code of a request refused before resolvers run', () => {
    for (const code of ['BAD_REQUEST', 'NOT_FOUND', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'UNAUTHENTICATED', 'PERSISTED_QUERY_NOT_FOUND']) {
      expect(Object.values(ErrorCode)).toContain(code);
    }
  });
});
