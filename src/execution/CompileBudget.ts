/**
 * The share of the single thread that compiling operations may take: a
 * token bucket of milliseconds, refilled at `msPerSecond` and holding at
 * most that much. Compiling runs on the request path and answers no one
 * meanwhile; without a bound, a client sending ever new query texts three
 * times each would keep the thread compiling. A compile is measured, never
 * cut short, so one may take the balance below zero; the next waits until
 * time has paid it back.
 */
export class CompileBudget {
  private balance: number;
  private at: number;

  constructor(
    private readonly msPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.balance = msPerSecond;
    this.at = now();
  }

  /** True when some of the budget is left. */
  available(): boolean {
    this.refill();
    return this.balance > 0;
  }

  /** Runs `compile` and takes the time it took from the budget. */
  spend<T>(compile: () => T): T {
    this.refill();
    try {
      return compile();
    } finally {
      // The compile's own time earns nothing: the thread was busy with it.
      const t = this.now();
      this.balance -= t - this.at;
      this.at = t;
    }
  }

  /** Adds what the time since the last look has earned, up to one second's worth. */
  private refill(): void {
    const t = this.now();
    this.balance = Math.min(this.msPerSecond, this.balance + ((t - this.at) / 1000) * this.msPerSecond);
    this.at = t;
  }
}
