import type { CypherSandbox } from '../../cypher-sandbox';
import { AppError, ErrorCode } from '../../errors';
import type { Metrics } from './createMetrics';

/** The outcome label of a finished analyst call: `ok`, or the code the client got. */
function outcomeOf(error: unknown): string {
  return error instanceof AppError ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * The same sandbox, counting each call by kind and outcome and timing it.
 * A decorator rather than code inside the sandbox, so the guard and the
 * executor stay about Cypher; running and queued counts are read from the
 * sandbox's concurrency limit when /metrics is scraped.
 */
export function observeAnalystQueries(sandbox: CypherSandbox, metrics: Metrics): CypherSandbox {
  const observe = async <T>(kind: 'cypher' | 'explain' | 'saved' | 'export', work: () => Promise<T>): Promise<T> => {
    const end = metrics.analystDuration.startTimer({ kind });
    try {
      const result = await work();
      metrics.analystQueries.inc({ kind, outcome: 'ok' });
      return result;
    } catch (error) {
      metrics.analystQueries.inc({ kind, outcome: outcomeOf(error) });
      throw error;
    } finally {
      end();
    }
  };
  // Spread, so methods the sandbox gains later pass through unobserved rather than vanish. A spread copies
  // a getter's value once, so savedQueries is read through: an admin's reload must show here too.
  return {
    ...sandbox,
    get savedQueries() {
      return sandbox.savedQueries;
    },
    run: (db, request, call) => observe('cypher', () => sandbox.run(db, request, call)),
    explain: (db, query, call) => observe('explain', () => sandbox.explain(db, query, call)),
    runSavedQuery: (db, query, params, limit, call) => observe('saved', () => sandbox.runSavedQuery(db, query, params, limit, call)),
    stream: (db, request, call, onRow) => observe('export', () => sandbox.stream(db, request, call, onRow)),
  };
}
