import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** How log lines are written: `auto` picks `pretty` when stdout is a terminal, `json` otherwise. */
export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * The process logger, one level for the whole service. JSON lines when
 * stdout goes to a file or a log collector; on a terminal, readable lines
 * (pino-pretty, synchronous so nothing is lost at exit) with the structured
 * fields below each message.
 */
export function createLogger(level: string, format: LogFormat = 'auto'): Logger {
  const options = { level, base: { service: 'diplograph' }, redact: ['req.headers.authorization'] };
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  if (!readable) return pino(options);
  return pino(options, pretty({ sync: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' }));
}
