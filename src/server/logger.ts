import pino, { type Logger } from 'pino';

export type { Logger };

/** The process logger: JSON lines on stdout, one level for the whole service. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'diplograph' }, redact: ['req.headers.authorization'] });
}
