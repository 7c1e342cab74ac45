import type { ChildProcess } from 'node:child_process';

/** How restarts are paced and capped. */
export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
  /** First backoff; doubled after each restart within the window, up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** Where the supervisor is, as a tagged union (one phase at a time, never a set of booleans). */
export type SupervisorState =
  | { phase: 'running'; child: ChildProcess; since: number }
  | { phase: 'restarting'; attempt: number; cause: string }
  | { phase: 'stopping' }
  | { phase: 'stopped' }
  | { phase: 'failed'; reason: string };

/** A supervised server process. */
export interface Supervisor {
  readonly state: SupervisorState;
  /** The process running now, if any. */
  readonly child: ChildProcess | undefined;
  /** Restarts made so far. */
  readonly restarts: number;
  /** Stops supervising and stops the process (SIGTERM, then SIGKILL after `graceMs`). */
  stop(graceMs: number): Promise<void>;
}

/** What the supervisor needs from its owner. */
export interface SuperviseOptions {
  /** Starts the process and resolves once it serves; rejects when it cannot. */
  launch(): Promise<ChildProcess>;
  policy: RestartPolicy;
  log(message: string): void;
}

/**
 * Keeps a server process running: when it exits while it is meant to run
 * (a crash, an OOM exit, a kill -9), it is started again after a backoff,
 * and each restart is logged with the exit cause. More than
 * `policy.maxRestarts` restarts within `policy.windowMs` means something
 * is wrong that a restart will not fix (a full disk, a broken
 * configuration): the supervisor logs why and gives up, and the API keeps
 * answering SERVICE_UNAVAILABLE. `stop()` is the only way the process is
 * meant to end, and is never followed by a restart.
 */
export function superviseNeo4j(first: ChildProcess, options: SuperviseOptions): Supervisor {
  const { policy, log } = options;
  let state: SupervisorState = { phase: 'running', child: first, since: Date.now() };
  let restarts = 0;
  const recent: number[] = [];

  const watch = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (state.phase !== 'running' || state.child !== child) return;
      void restart(signal ? `killed by ${signal}` : `exit code ${code}${code === 3 ? ' (bad configuration)' : ''}`);
    });
  };

  async function restart(cause: string): Promise<void> {
    const now = Date.now();
    while (recent.length > 0 && recent[0] < now - policy.windowMs) recent.shift();
    if (recent.length >= policy.maxRestarts) {
      const reason = `Neo4j exited (${cause}) after ${recent.length} restarts within ${policy.windowMs} ms; not restarting it again`;
      state = { phase: 'failed', reason };
      log(reason);
      return;
    }
    recent.push(now);
    restarts += 1;
    const backoff = Math.min(policy.initialBackoffMs * 2 ** (recent.length - 1), policy.maxBackoffMs);
    state = { phase: 'restarting', attempt: restarts, cause };
    log(
      `Neo4j exited unexpectedly (${cause}); restarting it in ${backoff} ms (restart ${recent.length} of ${policy.maxRestarts} allowed per ${policy.windowMs} ms).`,
    );
    await new Promise((resolve) => setTimeout(resolve, backoff));
    if (state.phase !== 'restarting') return;
    const started = Date.now();
    try {
      const child = await options.launch();
      // stop() may have been called while the server was starting: then it must not keep running.
      if ((state as SupervisorState).phase !== 'restarting') {
        await stopChild(child, 30_000);
        return;
      }
      state = { phase: 'running', child, since: Date.now() };
      watch(child);
      log(`Neo4j is running again (pid ${child.pid}, ready in ${Date.now() - started} ms).`);
    } catch (error) {
      if (state.phase === 'restarting') await restart(`failed to start: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  watch(first);
  return {
    get state() {
      return state;
    },
    get child() {
      return state.phase === 'running' ? state.child : undefined;
    },
    get restarts() {
      return restarts;
    },
    async stop(graceMs) {
      const child = state.phase === 'running' ? state.child : undefined;
      state = { phase: 'stopping' };
      if (child) await stopChild(child, graceMs);
      state = { phase: 'stopped' };
    },
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
