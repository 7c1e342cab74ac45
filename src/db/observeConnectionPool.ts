import type { Driver } from 'neo4j-driver';

/** The connection pool at one moment, summed over every server address (a cluster has several). */
export interface PoolStats {
  /** Connections lent to a session right now. */
  inUse: number;
  /** Open connections waiting in the pool for a session. */
  idle: number;
  /** Sessions waiting for a connection because the pool is at maxConnectionPoolSize. */
  waiting: number;
}

/** Reads the driver's pool and reports how long each connection acquisition took. */
export interface PoolObserver {
  stats(): PoolStats;
  /** Calls listener with the milliseconds each acquisition took (including any wait); returns an unsubscribe. */
  onAcquire(listener: (ms: number) => void): () => void;
}

/** The parts of neo4j-driver-core's internal Pool that are read (driver 6.x; see observeConnectionPool). */
interface InternalPool {
  acquire: (...args: unknown[]) => Promise<unknown>;
  _pools: Record<string, { length: number }>;
  _activeResourceCounts: Record<string, number>;
  _acquireRequests: Record<string, unknown[]>;
}

const observers = new WeakMap<Driver, PoolObserver | undefined>();

/**
 * neo4j-driver has no public API for its connection pool, yet "how many
 * connections are busy, and how long do sessions wait for one" is the first
 * question when requests slow down under load. So this reads the pool the
 * driver keeps internally (the same counters its own acquisition-timeout
 * error message prints) and wraps its `acquire` to time it. Everything is
 * checked before use: a driver whose internals differ yields undefined (no
 * pool metrics) rather than wrong numbers or a crash; the metrics test fails
 * then, so an upgrade that moves them is noticed. One observer per driver.
 */
export function observeConnectionPool(driver: Driver): PoolObserver | undefined {
  if (observers.has(driver)) return observers.get(driver);
  const observer = createObserver(driver);
  observers.set(driver, observer);
  return observer;
}

function createObserver(driver: Driver): PoolObserver | undefined {
  const provider = (driver as unknown as { _getOrCreateConnectionProvider?: () => unknown })._getOrCreateConnectionProvider?.();
  const pool = (provider as { _connectionPool?: InternalPool } | undefined)?._connectionPool;
  if (
    !pool ||
    typeof pool.acquire !== 'function' ||
    typeof pool._pools !== 'object' ||
    typeof pool._activeResourceCounts !== 'object' ||
    typeof pool._acquireRequests !== 'object'
  ) {
    return undefined;
  }
  const listeners = new Set<(ms: number) => void>();
  const acquire = pool.acquire.bind(pool);
  pool.acquire = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await acquire(...args);
    } finally {
      const ms = performance.now() - started;
      for (const listener of listeners) listener(ms);
    }
  };
  const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);
  return {
    stats: () => ({
      inUse: sum(Object.values(pool._activeResourceCounts)),
      idle: sum(Object.values(pool._pools).map((addressPool) => addressPool.length)),
      waiting: sum(Object.values(pool._acquireRequests).map((requests) => requests.length)),
    }),
    onAcquire(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
