import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { connectDriver, createDb, type Db } from '../../src/db';

/**
 * The built service (`node dist/main.js`) as its own process, with its own
 * local Neo4j in a fresh data folder on free ports: what tests and scripts
 * that kill, freeze or signal Neo4j use, so the suite's shared Neo4j is
 * never touched. The service runs in its own process group, as it would
 * in a terminal, so a whole-group signal can be sent to it.
 */
export interface ServiceProcess {
  child: ChildProcess;
  /** http://127.0.0.1:port/graphql */
  url: string;
  /** http://127.0.0.1:port */
  base: string;
  dataDir: string;
  /** Everything the service printed so far. */
  output(): string;
  /** The pid of the Neo4j running now, from the record the service keeps in its data folder. */
  neo4jPid(): number | undefined;
  /** An executor on the service's Neo4j, with the password kept in the data folder. */
  openDb(): Promise<Db>;
  /** Sends `signal` to the service's whole process group and resolves with its exit code. */
  signalGroup(signal: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Kills whatever is left (the service, Neo4j, watchdogs) and removes the data folder. */
  cleanUp(): void;
}

/** Compiles src/ into dist/ with the same fast build `npm start` runs first (only when a source changed). */
export function buildService(): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.js')], { cwd: projectRoot, stdio: 'pipe' });
}

/** Every process whose command line mentions `needle`, from /proc. */
export function processesMentioning(needle: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Starts the built service with `env` on top of a minimal environment; resolves once it is ready. */
export async function startServiceProcess(env: Record<string, string> = {}, readyTimeoutMs = 180_000): Promise<ServiceProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-service-'));
  let output = '';
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      JAVA_HOME: process.env.JAVA_HOME ?? '',
      PORT: '0',
      NEO4J_BOLT_PORT: '0',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_HEAP: '384m',
      NEO4J_PAGECACHE: '32m',
      NEO4J_TX_MEMORY_MAX: '64m',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const cleanUp = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of processesMentioning(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service was not ready within ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const check = () => {
      const match = /diplograph ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code} before it was ready:\n${output}`));
    });
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  const record = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'run', 'diplograph-server.json'), 'utf8')) as { pid: number; boltPort: number };
  return {
    child,
    url,
    base: url.replace(/\/graphql$/, ''),
    dataDir,
    output: () => output,
    neo4jPid: () => {
      try {
        return record().pid;
      } catch {
        return undefined;
      }
    },
    async openDb() {
      const password = fs.readFileSync(path.join(dataDir, 'password'), 'utf8').trim();
      const driver = await connectDriver({ uri: `bolt://127.0.0.1:${record().boltPort}`, user: 'neo4j', password, connectTimeoutMs: 60_000 });
      return createDb({ driver, database: 'neo4j', defaultTimeoutMs: 60_000 });
    },
    signalGroup(signal, timeoutMs = 60_000) {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the service did not exit within ${timeoutMs} ms of ${signal}`)), timeoutMs);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        process.kill(-child.pid!, signal);
      });
    },
    cleanUp,
  };
}
