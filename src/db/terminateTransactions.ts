import neo4j, { type Driver } from 'neo4j-driver';

/**
 * Lists the running transactions of one database whose metadata holds every
 * entry of $match. SHOW TRANSACTIONS is an administration command that any
 * user may run for its own transactions, so the service's own credentials
 * see (and may end) every transaction the service began.
 */
const FIND_TRANSACTIONS = `
SHOW TRANSACTIONS YIELD transactionId, database, metaData
WHERE database = $database AND all(key IN keys($match) WHERE metaData[key] = $match[key])
RETURN transactionId`;

const TERMINATE = 'TERMINATE TRANSACTIONS $ids';

/**
 * Ends every running transaction of `database` whose metadata contains all
 * of `match`'s entries (e.g. `{ requestId }`), on the server, with the
 * service's own credentials; returns how many the server marked terminated.
 *
 * A client-side timeout only stops waiting: the server keeps the
 * transaction (and its locks, memory and CPU) until its own timeout fires
 * or it is told to stop. This is how a deadline reaches the server. The
 * commands run in auto-commit sessions of their own, so they never wait
 * behind the transaction they end. An empty `match` is refused: it would
 * end every transaction of the service.
 */
export async function terminateTransactions(driver: Driver, database: string, match: Record<string, unknown>): Promise<number> {
  if (Object.keys(match).length === 0) throw new Error('terminateTransactions needs at least one metadata entry to match');
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const found = await session.run(FIND_TRANSACTIONS, { database, match });
    const ids = found.records.map((record) => record.get('transactionId') as string);
    if (ids.length === 0) return 0;
    const ended = await session.run(TERMINATE, { ids });
    return ended.records.filter((record) => /terminated/i.test(String(record.get('message')))).length;
  } finally {
    await session.close();
  }
}
