/** Sizes of a permit pool. */
export interface PermitPoolOptions {
  /** Permits held at once. */
  maxConcurrent: number;
  /** Callers that may wait for a permit; one more is refused at once. Infinity for no bound. */
  maxQueued: number;
  /** How long a caller may wait before it is refused; 0 for no bound. */
  queueTimeoutMs: number;
  /** The error a refused caller gets: `full` when the queue was full, `timeout` when its wait ran out. */
  refusal(reason: 'full' | 'timeout'): Error;
}

/** A counted set of permits with a short, bounded queue. */
export interface PermitPool {
  /**
   * Resolves with the function that gives the permit back (safe to call
   * twice), or rejects with the pool's refusal. `signalOf` is called only
   * when the caller has to wait: an aborted signal takes it out of the queue.
   */
  acquire(signalOf?: () => AbortSignal): Promise<() => void>;
  readonly active: number;
  readonly queued: number;
}

interface Waiter {
  grant(): void;
  refuse(error: Error): void;
}

/**
 * Permits for work that must not all run at once. Unlike a promise-queue
 * limiter it hands out a permit that the holder returns later, from another
 * hook (Apollo's didResolveOperation takes it, willSendResponse gives it
 * back), and it refuses at once instead of letting the queue grow, so that
 * a burst answers 429 in microseconds rather than timing out in minutes.
 */
export function createPermitPool(options: PermitPoolOptions): PermitPool {
  let active = 0;
  const queue: Waiter[] = [];

  const permit = () => {
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = queue.shift();
      if (next) next.grant();
      else active -= 1;
    };
  };

  return {
    acquire(signalOf) {
      if (active < options.maxConcurrent) {
        active += 1;
        return Promise.resolve(permit());
      }
      if (queue.length >= options.maxQueued) return Promise.reject(options.refusal('full'));
      const signal = signalOf?.();
      // A request stopped before it queued (its deadline, its client gone) would never hear the abort event.
      if (signal?.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const leave = (error: Error) => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        };
        const onAbort = () => leave(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        const waiter: Waiter = {
          // The permit passes straight from the releasing holder to this waiter: `active` does not change.
          grant() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(permit());
          },
          refuse: leave,
        };
        queue.push(waiter);
        if (options.queueTimeoutMs > 0) timer = setTimeout(() => waiter.refuse(options.refusal('timeout')), options.queueTimeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}
