import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../src/config';
import { connectDriver } from '../../src/db';
import { startLocalNeo4j } from '../../src/neo4j-local';
import { buildService, processesMentioning } from '../harness/serviceProcess';

/** Resolves with the first stdout line that matches, or rejects when the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${buffer}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      const match = pattern.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${buffer}`));
    });
  });
}

/**
 * The `npm start` path end to end: the built service starts its own local
 * Neo4j in a fresh data folder, serves GraphQL, and on SIGINT stops
 * everything it started, leaving no Java process behind.
 */
describe('npm start with the local Neo4j', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-lifecycle-'));
  let child: ChildProcess | undefined;

  beforeAll(() => {
    buildService();
  }, 120_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves GraphQL on a seeded local Neo4j and leaves nothing behind on SIGINT', async () => {
    child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        JAVA_HOME: process.env.JAVA_HOME ?? '',
        PORT: '0',
        NEO4J_BOLT_PORT: '0',
        NEO4J_DATA_DIR: dataDir,
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '64m',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, url] = await waitForLine(child, /diplograph ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/, 150_000);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { neo4jVersion } entity(id: "steve-witkoff") { name } }' }),
    });
    const body = (await response.json()) as { data: { serverInfo: { neo4jVersion: string }; entity: { name: string } | null } };
    expect(body.data.serverInfo.neo4jVersion).toMatch(/^5\.26\./);
    // The empty graph was seeded at start-up.
    expect(body.data.entity).toEqual({ name: 'Steve Witkoff' });
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dataDir, 'password'), 'utf8').trim()).toMatch(/^[0-9a-f]{48}$/);
    // The data folder is this user's alone, and so is every file Neo4j wrote (umask 077), the system database included.
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const written = fs.readdirSync(path.join(dataDir, 'data'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(written.length).toBeGreaterThan(0);
    for (const entry of written) expect([entry.name, fs.statSync(path.join(entry.parentPath, entry.name)).mode & 0o077]).toEqual([entry.name, 0]);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    // The watchdog exits on its own once Neo4j is gone; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 240_000);
});

describe('the local Neo4j with a password of the user', () => {
  const defaults = loadConfig({}).neo4j;
  if (defaults.kind !== 'local') throw new Error('unreachable: an empty environment means the local Neo4j');
  const localDefaults = defaults;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-password-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('takes a password that begins with "-" (not an option of neo4j-admin)', async () => {
    const password = '-dash-first-password';
    const local = await startLocalNeo4j({
      dataDir,
      cacheDir: localDefaults.cacheDir,
      boltPort: 0,
      heap: '384m',
      pageCache: '32m',
      txMemoryMax: '32m',
      startTimeoutMs: 120_000,
      password,
    });
    try {
      const driver = await connectDriver({ uri: local.uri, user: 'neo4j', password, connectTimeoutMs: 10_000 });
      await driver.close();
    } finally {
      await local.stop();
    }
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 180_000);
});
