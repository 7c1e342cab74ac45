import { HeaderMap } from '@apollo/server';
import { Neo4jError } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors';

/**
 * Maps the Neo4j errors a client can cause or should know about to typed
 * AppErrors, at the one boundary where the driver is used. Everything else
 * is returned unchanged and ends up masked (and logged) by formatError.
 */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (/Connection acquisition timed out/i.test(error.message)) {
    // Every connection of the pool was busy: the server is overloaded, not broken. Say when to come back.
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is busy: no connection became free in time; try again shortly.', {
      http: { status: 503, headers: new HeaderMap([['retry-after', '2']]) },
    });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('TransactionTimedOut')) {
    return new AppError(ErrorCode.TIMEOUT, 'The query ran past its time limit and was stopped.', { neo4jCode: code });
  }
  if (code.endsWith('Transaction.Terminated') || code.endsWith('Transaction.LockClientStopped')) {
    return new AppError(ErrorCode.TIMEOUT, 'The query was stopped on the server before it finished.', { neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new AppError(ErrorCode.FORBIDDEN, 'The database refused to write in a read-only transaction.', { neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Transaction.InvalidBookmark' || code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') {
    return new AppError(ErrorCode.BAD_USER_INPUT, 'The X-Neo4j-Bookmark header does not hold bookmarks this database issued.', {
      neo4jCode: code,
      header: 'x-neo4j-bookmark',
    });
  }
  if (code.includes('MemoryPoolOutOfMemoryError') || code.includes('TransactionMemoryLimit') || code.includes('OutOfMemory')) {
    return new AppError(ErrorCode.RESOURCE_LIMIT, 'The query needed more memory than one transaction may use.', { neo4jCode: code });
  }
  // The pool's acquisition timeout has no code of its own ('N/A'): with a frozen server it is how an outage shows.
  const acquisitionTimedOut = error.message.startsWith('Connection acquisition timed out');
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    acquisitionTimedOut
  ) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database cannot be reached right now; try again shortly.');
  }
  return error;
}
