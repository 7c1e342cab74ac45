import { AppError, ErrorCode } from '../errors';

/**
 * What a request's view of the executor knows about the request: its lane,
 * its one deadline, and its cancellation. Made by the context function;
 * admission control sets the lane once the cost is estimated.
 */
export interface RequestScope {
  /** 'expensive' requests take their sessions from the expensive lane's share of the pool. */
  lane: 'cheap' | 'expensive';
  /** Aborted, with an AppError as its reason, when the request must stop: deadline, client gone, response too large. */
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
  const controller = new AbortController();
  const cancel = (reason: AppError) => {
    if (!controller.signal.aborted) controller.abort(reason);
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
    signal: controller.signal,
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
