import { abandonSession, type Db } from '../db';
import { forbidden } from '../errors';
import { checkPlan } from './checkPlan';
import { checkQueryText } from './checkQueryText';
import { checkRanges } from './checkRanges';
import type { CypherNotification, Plan } from './CypherTypes';
import { mapCypherError, type TextShift } from './mapCypherError';
import { toCypherNotifications } from './toCypherNotifications';

/**
 * The guard's EXPLAIN prefix: a fixed keyword, never a value. The line break
 * keeps the analyst's text on lines of its own, so server positions map
 * back by one line (and eight characters) whatever the query starts with.
 */
const EXPLAIN_PREFIX = 'EXPLAIN\n';
const EXPLAIN_SHIFT: TextShift = { lines: 1, chars: EXPLAIN_PREFIX.length };

/** What the guard learnt about an allowed query. */
export interface GuardedQuery {
  queryType: string;
  plan: Plan;
  /** Planner notifications (cartesian products, unknown labels, …), positions in the analyst's text. */
  notifications: CypherNotification[];
}

/** Options of one guard check. */
export interface GuardOptions {
  timeoutMs: number;
  metadata: Record<string, unknown>;
  /** The GraphQL argument the query came from, for messages. */
  argument?: string;
  /** Most values the range() calls inside expressions may make (checkRanges). */
  maxRangeValues: number;
  /** Aborted at the request's deadline: the session's connection is dropped, not reused. */
  signal?: AbortSignal;
}

/**
 * The guard, in order:
 * 1. the textual layer (checkQueryText): one statement, no USE, no EXPLAIN/PROFILE;
 *    and no range() inside an expression that the server could not stop (checkRanges);
 * 2. `EXPLAIN <query>` in a READ transaction: the server parses and plans
 *    the query without running it; syntax and semantic errors come back as
 *    BAD_USER_INPUT with positions in the analyst's text;
 * 3. the plan layer (checkPlan): query type 'r', no forbidden operator, no
 *    procedure outside the allowlist, no operator on another database.
 * Throws FORBIDDEN naming what was refused; returns the plan otherwise.
 */
export async function guardQuery(db: Db, query: string, params: Record<string, unknown>, options: GuardOptions): Promise<GuardedQuery> {
  const argument = options.argument ?? 'query';
  checkQueryText(query, argument);
  checkRanges(query, params, options.maxRangeValues, argument);
  const session = db.openSession('READ');
  const abandon = () => void abandonSession(session);
  options.signal?.addEventListener('abort', abandon, { once: true });
  let explained;
  try {
    const tx = await session.beginTransaction({ timeout: options.timeoutMs, metadata: { ...options.metadata, phase: 'explain' } });
    try {
      const result = await tx.run(EXPLAIN_PREFIX + query, params);
      explained = result.summary;
    } finally {
      await tx.rollback().catch(() => undefined);
    }
  } catch (error) {
    throw mapCypherError(error, EXPLAIN_SHIFT);
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    if (!options.signal?.aborted) await session.close();
  }
  const queryType = String(explained.queryType ?? '');
  const plan = explained.plan as Plan | false;
  const refusals = checkPlan({ queryType, plan }, db.database);
  if (refusals.length > 0 || !plan) {
    const first = refusals[0];
    throw forbidden(`The query was refused: ${first.message}.`, {
      argument,
      refused: first.refused,
      refusals: refusals.map((r) => r.refused),
    });
  }
  return { queryType, plan, notifications: toCypherNotifications(explained.notifications ?? [], EXPLAIN_SHIFT) };
}
