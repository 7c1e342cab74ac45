import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { connectDriver } from '../../src/db';
import { buildService, processesMentioning } from '../harness/serviceProcess';
import { TEST_ENV } from '../harness/testEnv';

/** `npm run neo4j` as the built command line, with `env` on top of a minimal environment. */
function runNeo4jCli(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'cli', 'neo4j.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', JAVA_HOME: process.env.JAVA_HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function lineOf(run: ReturnType<typeof runNeo4jCli>, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    if (run.child.exitCode !== null) throw new Error(`exited with ${run.child.exitCode} before printing ${pattern}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm run neo4j', () => {
  beforeAll(() => buildService(), 120_000);

  it('refuses to run when NEO4J_URI names another server, without a stack trace', async () => {
    const run = runNeo4jCli({ NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'not-relevant-here' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('NEO4J_URI is set (bolt://127.0.0.1:9)');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('starts a Neo4j of its own, says where, and stops it on Ctrl-C', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-neo4j-cli-'));
    const run = runNeo4jCli({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '32m', NEO4J_TX_MEMORY_MAX: '64m' });
    try {
      const [, uri] = await lineOf(run, /neo4j ready at (bolt:\/\/127\.0\.0\.1:\d+) \(user neo4j, password in (\S+)\); Ctrl-C stops it/, 120_000);
      const password = fs.readFileSync(path.join(dataDir, 'password'), 'utf8').trim();
      const driver = await connectDriver({ uri, user: 'neo4j', password, connectTimeoutMs: 10_000 });
      await driver.close();
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      run.child.kill('SIGKILL');
      for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  const testDataDir = process.env[TEST_ENV.dataDir];
  // Only when this run started its own Neo4j: with NEO4J_URI there is no local data folder to find running.
  if (testDataDir)
    it("finds the folder's server already running, and leaves it running", async () => {
      const run = runNeo4jCli({ NEO4J_DATA_DIR: testDataDir, NEO4J_BOLT_PORT: '0' });
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain(`neo4j ready at ${process.env[TEST_ENV.uri]}`);
      expect(run.output()).toContain('it was already running and is left running');
      const driver = await connectDriver({
        uri: process.env[TEST_ENV.uri]!,
        user: 'neo4j',
        password: process.env[TEST_ENV.password]!,
        connectTimeoutMs: 5_000,
      });
      await driver.close();
    });
});
