import { AppError, ErrorCode } from '../errors';

/**
 * Runs `work` until `deadline` (epoch ms). When the deadline passes first,
 * answers TIMEOUT at once, aborts `signal` (the work drops its
 * connections) and calls `onExpired` (which ends the work on the server);
 * the work's own promise is left to settle on its own. So the caller, and
 * the concurrency slot it holds, is free at the deadline whatever the
 * server does.
 */
export async function runWithDeadline<T>(
  deadline: number,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
  onExpired: () => void,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        controller.abort();
        onExpired();
        reject(new AppError(ErrorCode.TIMEOUT, `The query ran past its time limit of ${timeoutMs} ms and was stopped.`, { timeoutMs }));
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  const running = work(controller.signal);
  // Once the deadline has answered, a late failure of the work is expected and must not surface as unhandled.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
