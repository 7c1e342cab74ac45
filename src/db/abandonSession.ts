import type { Session } from 'neo4j-driver';

/** The driver's private view of a session's connection; there is no public way to drop one connection. */
interface ConnectionHolderLike {
  getConnection?: () => Promise<{ close?: () => Promise<void>; isOpen?: () => boolean } | null | undefined>;
}

const abandoned = new WeakSet<Session>();

/** Whether abandonSession was called on `session` (its close is already under way). */
export function isAbandoned(session: Session): boolean {
  return abandoned.has(session);
}

/**
 * Gives up on a session whose statement is still running on the server:
 * closes its Bolt connection (the server sees the socket go and the pool
 * drops the connection instead of reusing it), then closes the session
 * without waiting for it.
 *
 * `session.close()` alone would send RESET and wait for the server's
 * answer, which does not come while the server is still computing an
 * expression that ignores termination; meanwhile the connection would be
 * held, and returned to the pool behind a statement nobody waits for.
 * Never throws; resolves once the connection is closed (or there was none).
 */
export async function abandonSession(session: Session): Promise<void> {
  abandoned.add(session);
  const internals = session as unknown as { _readConnectionHolder?: ConnectionHolderLike; _writeConnectionHolder?: ConnectionHolderLike };
  for (const holder of [internals._readConnectionHolder, internals._writeConnectionHolder]) {
    try {
      const connection = await holder?.getConnection?.();
      if (connection?.isOpen?.()) await connection.close?.();
    } catch {
      // No connection was acquired, or it is already gone: nothing to drop.
    }
  }
  void session.close().catch(() => undefined);
}
