import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { checkJava } from './checkPrerequisites';
import { renderNeo4jConf } from './neo4jConf';
import { resolveNeo4jJars } from './resolveNeo4jJars';
import { spawnWatchdog } from './spawnWatchdog';

/** Options of the local Neo4j: one data folder is one server. */
export interface LocalNeo4jOptions {
  /** The server's home; created when missing, kept between starts. */
  dataDir: string;
  /** Where the Neo4j jars are cached, shared by every data folder. */
  cacheDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  boltPort: number;
  heap: string;
  pageCache: string;
  txMemoryMax: string;
  /** How long to wait for Bolt to answer before giving up. */
  startTimeoutMs: number;
  /** A password of the user's; otherwise one is generated and kept in the data folder. */
  password?: string;
  log?: (message: string) => void;
}

/** A running local Neo4j. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The server's log file, the place to look when something went wrong. */
  logFile: string;
  /** False when an already running server of the same data folder was reused. */
  owned: boolean;
  /** Stops the server if this process started it; a reused one is left running. */
  stop(): Promise<void>;
}

/** What a running server leaves in its data folder so that a second start can find it. */
interface ServerRecord {
  pid: number;
  boltPort: number;
  startedAt: string;
}

const USER = 'neo4j';
const STOP_GRACE_MS = 30_000;

/** JVM flags Neo4j 5 needs on JDK 17+ (the same the shipped launch scripts pass). */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
];

/**
 * Starts Neo4j Community from Maven Central jars with a generated
 * configuration, or reuses the server already running for the same data
 * folder. Resolves once Bolt accepts the password; rejects with the tail of
 * the server log when the server exits or does not answer in time.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const home = path.resolve(options.dataDir);
  for (const dir of ['conf', 'data', 'logs', 'import', 'plugins', 'run']) {
    fs.mkdirSync(path.join(home, dir), { recursive: true });
  }
  const logFile = path.join(home, 'logs', 'console.log');
  const password = readOrCreatePassword(home, options.password);

  const reused = await findRunningServer(home, password);
  if (reused) {
    log(`Reusing the Neo4j already running for ${home} (pid ${reused.pid}, port ${reused.boltPort}).`);
    return {
      uri: `bolt://127.0.0.1:${reused.boltPort}`,
      user: USER,
      password,
      logFile,
      owned: false,
      stop: async () => {},
    };
  }

  const java = checkJava();
  const libDir = await resolveNeo4jJars(options.cacheDir, log);
  const boltPort = options.boltPort === 0 ? await freePort() : options.boltPort;
  await assertPortFree(boltPort);

  fs.writeFileSync(
    path.join(home, 'conf', 'neo4j.conf'),
    renderNeo4jConf({ homeDir: home, boltPort, heap: options.heap, pageCache: options.pageCache, txMemoryMax: options.txMemoryMax }),
  );
  const classpath = path.join(libDir, '*');
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') };
  setInitialPassword(java, classpath, home, password, env);

  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    java,
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${path.join(home, 'conf')}`,
      '--console-mode',
    ],
    { env, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const record: ServerRecord = { pid: child.pid!, boltPort, startedAt: new Date().toISOString() };
  fs.writeFileSync(serverRecordPath(home), JSON.stringify(record, null, 2));
  const watchdog = spawnWatchdog(child.pid!);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    watchdog.kill();
    fs.rmSync(serverRecordPath(home), { force: true });
  };

  const uri = `bolt://127.0.0.1:${boltPort}`;
  log(`Starting Neo4j on ${uri} (data in ${home}) ...`);
  try {
    await waitForBolt(uri, password, child, options.startTimeoutMs, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, user: USER, password, logFile, owned: true, stop };
}

function serverRecordPath(home: string): string {
  return path.join(home, 'run', 'diplograph-server.json');
}

/**
 * The password lives beside the data (mode 0600) because Neo4j keeps the
 * hash from the first start: a new random one on a second start would lock
 * the project out of its own database.
 */
function readOrCreatePassword(home: string, given?: string): string {
  const file = path.join(home, 'password');
  if (given) return given;
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  // Hex: no character a shell, a URL or a command line could read as something else.
  const generated = crypto.randomBytes(24).toString('hex');
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

/** `neo4j-admin dbms set-initial-password` only takes effect before the first start, so run it only then. */
function setInitialPassword(java: string, classpath: string, home: string, password: string, env: NodeJS.ProcessEnv): void {
  if (fs.existsSync(path.join(home, 'data', 'databases'))) return;
  const result = spawnSync(
    java,
    // `--` ends the options: a password may begin with "-" and must not be read as a flag.
    [...JVM_FLAGS, '-Xmx256m', '-cp', classpath, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Could not set the initial Neo4j password (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

async function findRunningServer(home: string, password: string): Promise<ServerRecord | undefined> {
  let record: ServerRecord;
  try {
    record = JSON.parse(fs.readFileSync(serverRecordPath(home), 'utf8')) as ServerRecord;
  } catch {
    return undefined;
  }
  if (!isNeo4jProcess(record.pid)) {
    fs.rmSync(serverRecordPath(home), { force: true });
    return undefined;
  }
  // The server may still be starting: give it the usual readiness wait.
  await waitForBolt(`bolt://127.0.0.1:${record.boltPort}`, password, undefined, 60_000, path.join(home, 'logs', 'console.log'));
  return record;
}

function isNeo4jProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('CommunityEntryPoint');
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** Polls Bolt with the driver until the server accepts the password, the child exits, or time runs out. */
async function waitForBolt(
  uri: string,
  password: string,
  child: ChildProcess | undefined,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  child?.once('exit', (code) => (exited = code));
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      const hint = exited === 3 ? ' Exit code 3 means a bad configuration (heap plus page cache larger than RAM?).' : '';
      throw new Error(`Neo4j exited with code ${exited} while starting.${hint} See ${logFile}:\n${tail(logFile)}`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic(USER, password), { connectionTimeout: 2_000, logging: undefined });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? '';
      if (code.includes('Security.Unauthorized') || code.includes('AuthenticationRateLimit')) {
        throw new Error(
          `Neo4j at ${uri} refused the password kept in the data folder (${code}). ` +
            'Set NEO4J_PASSWORD to the password this data folder was created with, or use a new NEO4J_DATA_DIR.',
        );
      }
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Neo4j did not answer on ${uri} within ${timeoutMs} ms (last error: ${String((lastError as Error)?.message ?? lastError)}). ` +
      `See ${logFile}:\n${tail(logFile)}`,
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port 127.0.0.1:${port} is taken by another program, so the local Neo4j cannot use it. ` +
            'Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use a server that is already running.',
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
