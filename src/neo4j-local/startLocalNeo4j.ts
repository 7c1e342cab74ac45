import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { checkJava } from './checkPrerequisites';
import { freePort } from './freePort';
import { LocalNeo4jError } from './LocalNeo4jError';
import { renderNeo4jConf } from './neo4jConf';
import { resolveNeo4jJars } from './resolveNeo4jJars';
import { spawnWatchdog } from './spawnWatchdog';
import { stopChild, superviseNeo4j, type RestartPolicy, type Supervisor } from './superviseNeo4j';

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
  /** How a server that exits on its own is restarted; DEFAULT_RESTART_POLICY when left out. */
  restartPolicy?: RestartPolicy;
  log?: (message: string) => void;
}

/** Five restarts per ten minutes, 1 s backoff doubling up to 30 s. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 5, windowMs: 600_000, initialBackoffMs: 1_000, maxBackoffMs: 30_000 };

/** A running local Neo4j. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The server's log file, the place to look when something went wrong. */
  logFile: string;
  /** False when an already running server of the same data folder was reused. */
  owned: boolean;
  /** Restarts the server when it exits on its own; absent when a running server was reused. */
  supervisor?: Supervisor;
  /** Stops the server (and its supervision) if this process started it; a reused one is left running. */
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

/** `/bin/sh` arguments that set umask 077, then exec the command that follows (its arguments passed as they are, unparsed). */
const UMASK_EXEC = ['-c', 'umask 077 && exec "$0" "$@"'] as const;

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
  // The store, the system database (users, password hashes) and the password file: for this user only.
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  fs.chmodSync(home, 0o700);
  for (const dir of ['conf', 'data', 'logs', 'import', 'plugins', 'run']) {
    fs.mkdirSync(path.join(home, dir), { recursive: true, mode: 0o700 });
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
    { mode: 0o600 },
  );
  const classpath = path.join(libDir, '*');
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') };
  setInitialPassword(java, classpath, home, password, env);
  const uri = `bolt://127.0.0.1:${boltPort}`;

  // Every running child is stopped with this process: the exit hook for ordinary exits, the watchdog for SIGKILL.
  const watchdogs = new Map<ChildProcess, { kill(): void }>();
  const killOnExit = () => {
    for (const child of watchdogs.keys()) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  /** Starts one Neo4j process and resolves once Bolt accepts the password. */
  const launch = async (): Promise<ChildProcess> => {
    const out = fs.openSync(logFile, 'a', 0o600);
    const child = spawn(
      // umask 077 before exec: every file Neo4j creates (store, transaction logs, its own logs) is 0600.
      '/bin/sh',
      [
        ...UMASK_EXEC,
        java,
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
      // Its own process group: a terminal's Ctrl-C (SIGINT to the foreground group) reaches the API, which
      // drains its requests first and only then stops Neo4j, instead of both stopping at the same moment.
      { env, stdio: ['ignore', out, out], detached: true },
    );
    fs.closeSync(out);
    const record: ServerRecord = { pid: child.pid!, boltPort, startedAt: new Date().toISOString() };
    fs.writeFileSync(serverRecordPath(home), JSON.stringify(record, null, 2), { mode: 0o600 });
    watchdogs.set(child, spawnWatchdog(child.pid!));
    child.once('exit', () => {
      watchdogs.get(child)?.kill();
      watchdogs.delete(child);
    });
    try {
      await waitForBolt(uri, password, child, options.startTimeoutMs, logFile);
    } catch (error) {
      await stopChild(child, STOP_GRACE_MS);
      throw error;
    }
    return child;
  };

  log(`Starting Neo4j on ${uri} (data in ${home}) ...`);
  let first: ChildProcess;
  try {
    first = await launch();
  } catch (error) {
    process.removeListener('exit', killOnExit);
    throw error;
  }
  const supervisor = superviseNeo4j(first, { launch, policy: options.restartPolicy ?? DEFAULT_RESTART_POLICY, log });
  return {
    uri,
    user: USER,
    password,
    logFile,
    owned: true,
    supervisor,
    async stop() {
      await supervisor.stop(STOP_GRACE_MS);
      process.removeListener('exit', killOnExit);
      fs.rmSync(serverRecordPath(home), { force: true });
    },
  };
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
    '/bin/sh',
    // umask 077: the auth file it writes (the password's hash) is 0600.
    // `--` ends the options: a password may begin with "-" and must not be read as a flag.
    [
      UMASK_EXEC[0],
      UMASK_EXEC[1],
      java,
      ...JVM_FLAGS,
      '-Xmx256m',
      '-cp',
      classpath,
      'org.neo4j.cli.AdminTool',
      'dbms',
      'set-initial-password',
      '--',
      password,
    ],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new LocalNeo4jError(`Could not set the initial Neo4j password (exit ${result.status}): ${result.stderr || result.stdout}`);
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
async function waitForBolt(uri: string, password: string, child: ChildProcess | undefined, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  child?.once('exit', (code) => (exited = code));
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      const hint = exited === 3 ? ' Exit code 3 means a bad configuration (heap plus page cache larger than RAM?).' : '';
      throw new LocalNeo4jError(`Neo4j exited with code ${exited} while starting.${hint} See ${logFile}:\n${tail(logFile)}`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic(USER, password), { connectionTimeout: 2_000, logging: undefined });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? '';
      if (code.includes('Security.Unauthorized') || code.includes('AuthenticationRateLimit')) {
        throw new LocalNeo4jError(
          `Neo4j at ${uri} refused the password kept in the data folder (${code}). ` +
            'Set NEO4J_PASSWORD to the password this data folder was created with, or use a new NEO4J_DATA_DIR.',
        );
      }
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new LocalNeo4jError(
    `Neo4j did not answer on ${uri} within ${timeoutMs} ms (last error: ${String((lastError as Error)?.message ?? lastError)}). ` +
      `See ${logFile}:\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new LocalNeo4jError(
          `Port 127.0.0.1:${port} is taken by another program, so the local Neo4j cannot use it. ` +
            'Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use a server that is already running.',
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
