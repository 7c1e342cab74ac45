import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (100 on Linux as built almost everywhere). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User plus system CPU time, in ms, of a /proc stat file (a process's or one thread's). */
function statCpuMs(file: string): number {
  const stat = fs.readFileSync(file, 'utf8');
  // The name in parentheses may hold spaces: count fields after its closing one (state is field 3, utime 14, stime 15).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU time in ms that the main thread of process `pid` has used so far
 * (Linux /proc; 10 ms steps). The same measure for the API in its own
 * process and for the limit and the peer in this one: the main thread is
 * where a Node server spends its single core, while the load generator
 * runs in a worker thread and GC helpers in threads of their own.
 */
export function mainThreadCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

/** CPU time in ms that every thread of process `pid` has used so far (Neo4j's JVM: its Bolt, query and GC threads). */
export function processCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/**
 * The pid of the Neo4j JVM whose home holds `logFile` (a local server's
 * logs/console.log), found by its command line; undefined when none runs
 * here (NEO4J_URI names a server elsewhere).
 */
export function localNeo4jPid(logFile: string): number | undefined {
  const home = logFile.replace(/\/logs\/[^/]+$/, '');
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended while the list was read
    }
    if (args.includes('org.neo4j.server.CommunityEntryPoint') && args.includes(`--home-dir=${home}`)) return Number(entry);
  }
  return undefined;
}
