import type { Session } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors';
import { abandonSession } from './abandonSession';

/** How long past its own transaction timeout a live server may take to say so. */
export const ANSWER_GRACE_MS = 1_000;

/**
 * Waits for one round-trip of `session`, but no longer than the
 * transaction's timeout plus a grace: a live server ends the transaction
 * itself by then (TIMEOUT), so silence means the server is frozen or the
 * network is gone, and the answer is SERVICE_UNAVAILABLE. The session's
 * connection is dropped rather than reused. Without this, every request
 * waits for as long as Neo4j is stopped (SIGSTOP, a long GC pause, a
 * half-open TCP connection): the driver has no read timeout of its own.
 */
export async function awaitAnswer<T>(session: Session, work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      void abandonSession(session);
      reject(
        new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database did not answer in time; try again shortly.', {
          waitedMs: timeoutMs + ANSWER_GRACE_MS,
        }),
      );
    }, timeoutMs + ANSWER_GRACE_MS);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, silence]);
  } finally {
    clearTimeout(timer);
  }
}
