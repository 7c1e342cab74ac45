import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../harness/testApp';
import { API_KEYS, KEYS } from './analystTestKeys';

const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `npm run cypher` as a person runs it, against a test server over HTTP. */
describe('the cypher command line', () => {
  let t: TestApp;
  let base: string;
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [tsx, 'src/cli/cypher.ts', '--url', base, ...args], {
      cwd: root,
      env: { ...process.env, DIPLOGRAPH_API_KEY: KEYS.analyst },
    });

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS });
    base = new URL('/', t.url).toString();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prints a table of the rows', async () => {
    const { stdout } = await cli('MATCH (p:Person {id: $id}) RETURN p.name AS name, p.id AS id', '--params', '{"id":"steve-witkoff"}');
    expect(stdout).toMatch(/name\s+│ id/);
    expect(stdout).toMatch(/Steve Witkoff\s+│ steve-witkoff/);
    expect(stdout).toMatch(/1 row\(s\) in \d+ ms/);
  }, 60_000);

  it('streams CSV through the export endpoint', async () => {
    const { stdout } = await cli('UNWIND range(1, 3) AS i RETURN i', '--format', 'csv');
    expect(stdout).toBe('i\r\n1\r\n2\r\n3\r\n');
  }, 60_000);

  it('exits 1 with the code and message of a refused query', async () => {
    const failed = await cli('CREATE (n:CliProbe) RETURN n').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/^FORBIDDEN: /);
  }, 60_000);
});
