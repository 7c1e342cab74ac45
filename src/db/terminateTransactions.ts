import type { Driver } from 'neo4j-driver';

const FIND_TRANSACTIONS = `
SHOW TRANSACTIONS YIELD transactionId, database, metaData
WHERE database = $database AND all(key IN keys($match) WHERE metaData[key] = $match[key])
RETURN collect(transactionId) AS ids`;

const TERMINATE = 'TERMINATE TRANSACTIONS $ids YIELD transactionId, message RETURN transactionId, message';

/**
 * Ends, on the server, every running transaction of `database` whose
 * metadata holds all of `match`'s entries (for example `{ requestId }`),
 * with the service's own credentials; returns how many were ended. The
 * one way the service stops its own work: a request past its deadline or
 * whose client went away, a drain that cannot wait. Transactions that end
 * on their own between the listing and the termination are not counted.
 */
export async function terminateTransactions(driver: Driver, database: string, match: Record<string, unknown>): Promise<number> {
  const session = driver.session({ database });
  try {
    // Admin commands run in auto-commit transactions; these carry no `match` entries, so they never end themselves.
    const found = await session.run(FIND_TRANSACTIONS, { database, match }, { metadata: { app: 'diplograph', query: 'terminateTransactions' } });
    const ids = (found.records[0]?.get('ids') as string[] | undefined) ?? [];
    if (ids.length === 0) return 0;
    const ended = await session.run(TERMINATE, { ids }, { metadata: { app: 'diplograph', query: 'terminateTransactions' } });
    return ended.records.filter((r) => /terminated/i.test(String(r.get('message')))).length;
  } finally {
    await session.close();
  }
}
