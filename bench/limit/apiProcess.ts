import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { freePort } from '../../src/neo4j-local/freePort';
import { firstGraphqlAnswer } from '../firstGraphqlAnswer';

/** Where the API's process finds its Neo4j, and the settings it runs with on top of its defaults. */
export interface ApiProcessOptions {
  neo4j: { uri: string; user: string; password: string; database: string };
  env: Record<string, string>;
}

/** The API in its own process: its URL, its pid (for its CPU time), and how to stop it. */
export interface ApiProcess {
  url: string;
  pid: number;
  /** The command it runs, as `npm start` has it. */
  command: string;
  close(): Promise<void>;
}

/**
 * Starts the API as users run it: the bundle `npm start` builds
 * (dist/main.js), in a process of its own, with the Node flags of the
 * start script in package.json, so what is measured is what ships (not the
 * sources through tsx, whose module wrappers and kept names cost the API
 * several percent). It talks to the benchmark's Neo4j (NEO4J_URI), does not
 * seed, and logs only warnings: one access log line per request would be
 * the log's cost, not the read path's.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.js')], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the build failed (exit code ${build.status})`);
  const { scripts } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = scripts.start.split(/\s+/);
  if (program !== 'node') throw new Error(`expected the start script to run node, found: ${scripts.start}`);
  // Told its port: at LOG_LEVEL=warn it does not print its ready line with the one it would pick.
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_URI: options.neo4j.uri,
    NEO4J_USER: options.neo4j.user,
    NEO4J_PASSWORD: options.neo4j.password,
    NEO4J_DATABASE: options.neo4j.database,
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors = (errors + String(chunk)).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await firstGraphqlAnswer(child, url, 120_000, () => errors);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    command: scripts.start,
    async close() {
      if (child.exitCode !== null) return;
      // As Ctrl-C would: it drains and closes its driver.
      child.kill('SIGINT');
      await exited;
    },
  };
}
