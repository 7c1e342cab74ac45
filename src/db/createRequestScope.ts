import { AppError, ErrorCode } from '../errors';

/**
 * What a request's view of the executor knows about the request: its lane,
 * its one deadline, and its cancellation. Made by the context function;
 * admission control sets the lane once the cost is estimated.
 */
export interface RequestScope {
  /** 'expensive' requests take their sessions from the expensive lane's share of the pool. */
  lane: 'cheap' | 'expensive';
  /** Why the request was stopped (deadline, client gone, response too large); undefined while it runs. */
  readonly reason: AppError | undefined;
  /** Calls `listener` once when the request is stopped: at once if it already was. */
  onCancel(listener: (reason: AppError) => void): void;
  /**
   * The same cancellation as an AbortSignal, for what takes one (the
   * admission queue, the analyst sandbox). Made on first use: most
   * requests never need one, and making one costs more than the rest of
   * the scope.
   */
  readonly signal: AbortSignal;
  /** When all of the request's database work must be over (epoch ms); Infinity for none. */
  readonly deadline: number;
  /** Counts bytes of data read for the response; past the cap the request is aborted with RESPONSE_TOO_LARGE. */
  addBytes(bytes: number): void;
  /** Stops the request: nothing more starts, running transactions are ended. The first reason wins. */
  cancel(reason: AppError): void;
  /** The response is out: stops the deadline timer. */
  dispose(): void;
}

/** Options of a request scope; both limits are off when omitted. */
export interface RequestScopeOptions {
  /** REQUEST_TIMEOUT_MS: one deadline for all of the request's Neo4j work. */
  timeoutMs?: number;
  /** RESPONSE_MAX_BYTES: the data one response may carry. */
  maxBytes?: number;
}

/**
 * Creates a request's scope. The deadline timer aborts the signal; the
 * executor listens to it and ends the request's transactions on the server
 * (terminateTransactions), since a transaction timeout alone bounds each
 * transaction, not the request, and nothing else stops work whose client
 * has gone.
 */
export function createRequestScope(options: RequestScopeOptions = {}): RequestScope {
  let reason: AppError | undefined;
  let listeners: Array<(reason: AppError) => void> = [];
  let controller: AbortController | undefined;
  const cancel = (why: AppError) => {
    if (reason) return;
    reason = why;
    controller?.abort(why);
    const called = listeners;
    listeners = [];
    for (const listener of called) listener(why);
  };
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () =>
            cancel(
              new AppError(
                ErrorCode.TIMEOUT,
                `The request passed its deadline of ${options.timeoutMs} ms (REQUEST_TIMEOUT_MS); its database work was stopped.`,
                { timeoutMs: options.timeoutMs },
              ),
            ),
          options.timeoutMs,
        );
  // A deadline must never keep the process alive on its own.
  timer?.unref();
  let bytes = 0;
  return {
    lane: 'cheap',
    get reason() {
      return reason;
    },
    onCancel(listener) {
      if (reason) listener(reason);
      else listeners.push(listener);
    },
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (reason) controller.abort(reason);
      }
      return controller.signal;
    },
    deadline: options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs,
    addBytes(n) {
      bytes += n;
      if (options.maxBytes !== undefined && bytes > options.maxBytes) {
        cancel(
          new AppError(
            ErrorCode.RESPONSE_TOO_LARGE,
            `The response would carry more than ${options.maxBytes} bytes of data (RESPONSE_MAX_BYTES); ask for fewer items or fields.`,
            { maxBytes: options.maxBytes },
          ),
        );
      }
    },
    cancel,
    dispose() {
      clearTimeout(timer);
    },
  };
}
