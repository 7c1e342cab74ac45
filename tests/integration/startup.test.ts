import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { connectDriver } from '../../src/db';
import { startLocalNeo4j } from '../../src/neo4j-local';
import { TEST_ENV } from '../harness/testEnv';

/** Runs the built service (`node dist/main.js`) with the given environment until it exits. */
function runMain(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ms: Date.now() - started });
    });
  });
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('start-up failures are clear and bounded', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.js')], { cwd: projectRoot, stdio: 'pipe' });
  }, 120_000);

  it('gives up on a closed port after NEO4J_CONNECT_TIMEOUT_MS, without a stack trace', async () => {
    const port = await closedPort();
    const result = await runMain({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'not-relevant-here',
      NEO4J_CONNECT_TIMEOUT_MS: '1500',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Neo4j at bolt://127.0.0.1:${port} did not answer within 1500 ms`);
    expect(result.stderr).toContain('NEO4J_CONNECT_TIMEOUT_MS');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops at once on a wrong password', async () => {
    const result = await runMain({
      NEO4J_URI: process.env[TEST_ENV.uri]!,
      NEO4J_PASSWORD: 'certainly-the-wrong-password',
      NEO4J_CONNECT_TIMEOUT_MS: '60000',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the credentials of user "neo4j"/);
    expect(result.ms).toBeLessThan(30_000);
  });

  it('lists every invalid variable with its value', async () => {
    const result = await runMain({ PORT: 'eighty', NEO4J_HEAP: 'lots' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT="eighty"');
    expect(result.stderr).toContain('NEO4J_HEAP="lots"');
  });
});

describe('driver connection', () => {
  it('refuses a wrong password without retrying', async () => {
    await expect(
      connectDriver({ uri: process.env[TEST_ENV.uri]!, user: 'neo4j', password: 'wrong-password-1', connectTimeoutMs: 60_000 }),
    ).rejects.toThrow(/refused the credentials/);
  });
});

const dataDir = process.env[TEST_ENV.dataDir];
// Only when this run started its own Neo4j: with NEO4J_URI there is no local data folder to reuse.
if (dataDir)
  describe('the local Neo4j manager', () => {
    it('reuses the server already running for the same data folder', async () => {
      const reused = await startLocalNeo4j({
        dataDir: dataDir!,
        cacheDir: '/nonexistent-cache-is-not-needed-when-reusing',
        boltPort: 0,
        heap: '256m',
        pageCache: '64m',
        txMemoryMax: '64m',
        startTimeoutMs: 30_000,
      });
      expect(reused.owned).toBe(false);
      expect(reused.uri).toBe(process.env[TEST_ENV.uri]);
      await reused.stop(); // a reused server is left running
      const driver = await connectDriver({ uri: reused.uri, user: reused.user, password: reused.password, connectTimeoutMs: 5_000 });
      await driver.close();
    });
  });
