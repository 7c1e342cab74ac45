import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (100 on Linux as built almost everywhere). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU time, user plus system, in ms, that the main thread of process `pid`
 * has used so far (Linux /proc; 10 ms steps). The same measure for the API
 * in its own process and for the limit and the peer in this one: the main
 * thread is where a Node server spends its single core, while the load
 * generator runs in a worker thread and GC helpers in threads of their own.
 */
export function mainThreadCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  // The name in parentheses may hold spaces: count fields after its closing one (state is field 3, utime 14, stime 15).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
