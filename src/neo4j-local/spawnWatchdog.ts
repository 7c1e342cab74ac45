import { spawn } from 'node:child_process';

/**
 * A tiny detached process that stops Neo4j if this process dies without
 * stopping it (SIGKILL, a crash in native code, a killed test runner), so
 * that no Java process outlives its owner. Signals and normal exits are
 * handled in-process; this covers the deaths that run no handler at all.
 */
const WATCHDOG_SOURCE = `
const [owner, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const timer = setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (!alive(owner)) {
    clearInterval(timer);
    try { process.kill(child, 'SIGTERM'); } catch {}
    setTimeout(() => { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }, 30000).unref();
    const done = setInterval(() => { if (!alive(child)) process.exit(0); }, 250);
  }
}, 500);
`;

/** Starts the watchdog for `childPid`, owned by this process; kill() it after a clean stop. */
export function spawnWatchdog(childPid: number): { kill(): void } {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(process.pid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return {
    kill: () => {
      try {
        watchdog.kill();
      } catch {
        // Already gone: it exits by itself once the child has.
      }
    },
  };
}
