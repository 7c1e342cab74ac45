import crypto from 'node:crypto';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { actorOf, requireRole, type Role, type Viewer } from '../auth';
import type { Db } from '../db';
import { toPlain } from '../db';
import { inputError } from './inputError';
import type { ChangeEvent } from './ChangeEvent';
import type { ChangeFeed } from './createChangeFeed';
import { AUDIT_BY_REQUEST_ID, CREATE_AUDIT_ENTRY } from './auditQueries';
import type { WriteInfo } from './WriteResult';

/** What a mutation needs from its request. */
export interface MutationEnv {
  db: Db;
  viewer: Viewer;
  changes: ChangeFeed;
  /** Transaction timeout of a mutation (WRITE_TIMEOUT_MS). */
  timeoutMs: number;
}

/** What one mutation's work did, for its answer, its audit entry and its subscribers. */
export interface MutationOutcome<R> {
  /** The answer (stored with the audit entry, so that a retry gets the same one). */
  result: R;
  entityIds: string[];
  relationIds: string[];
  /** What the touched entities and relations held before and after, by id. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string | null;
  /** Changes for subscribers; they get auditEntryId, requestId, actor and at filled in. */
  events: Array<Omit<ChangeEvent, 'auditEntryId' | 'requestId' | 'actor' | 'at' | 'mutation'>>;
}

/** Client request ids: short and plain, since they are stored and echoed. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Runs one mutation: checks the role, then in ONE write transaction looks
 * for an earlier try of the same requestId (and answers with its result,
 * writing nothing), runs the work, and records the audit entry; everything
 * commits together or not at all. Two tries that race both run the work,
 * but only one can commit its entry (requestId is unique): the other's
 * transaction fails on the constraint, rolls back whole, and answers as a
 * replay. After the commit, subscribers get the changes, and the answer
 * carries the commit's bookmarks.
 */
export async function runMutation<R extends object>(
  env: MutationEnv,
  mutation: string,
  role: Role,
  input: { requestId?: string | null },
  work: (tx: ManagedTransaction, context: { requestId: string; actor: string }) => Promise<MutationOutcome<R>>,
): Promise<R & { write: WriteInfo }> {
  requireRole(env.viewer, role, mutation);
  if (input.requestId !== null && input.requestId !== undefined && !REQUEST_ID.test(input.requestId)) {
    throw inputError([
      { field: 'input.requestId', message: `expected 1-128 letters, digits, '.', '_', ':' or '-', got ${JSON.stringify(input.requestId.slice(0, 200))}` },
    ]);
  }
  const requestId = input.requestId ?? crypto.randomUUID();
  const actor = actorOf(env.viewer);
  const inputHash = hashInput(mutation, input);

  type Done = { kind: 'applied'; outcome: MutationOutcome<R>; entry: { id: string; at: string } } | { kind: 'replay'; prior: PriorEntry };
  let done: { value: Done; bookmarks: string[] };
  try {
    done = await env.db.writeTransactionWithBookmarks<Done>(
      `mutation:${mutation}`,
      async (tx) => {
        const prior = await findPrior(tx, requestId);
        if (prior) return { kind: 'replay', prior };
        const outcome = await work(tx, { requestId, actor });
        const entry = await tx.run(CREATE_AUDIT_ENTRY, {
          requestId,
          mutation,
          actor,
          role: env.viewer.role,
          entityIds: outcome.entityIds,
          relationIds: outcome.relationIds,
          reason: outcome.reason ?? null,
          beforeJson: outcome.before === null ? null : JSON.stringify(outcome.before),
          afterJson: outcome.after === null ? null : JSON.stringify(outcome.after),
          inputHash,
          resultJson: JSON.stringify(outcome.result),
        });
        return { kind: 'applied', outcome, entry: { id: entry.records[0].get('id') as string, at: entry.records[0].get('at') as string } };
      },
      { timeoutMs: env.timeoutMs, metadata: { mutation, writeRequestId: requestId } },
    );
  } catch (error) {
    if (!isDuplicateRequest(error)) throw error;
    // The other try committed first; its entry is there now.
    const prior = await env.db.writeTransactionWithBookmarks('mutation:replay', (tx) => findPrior(tx, requestId));
    if (!prior.value) throw error;
    done = { value: { kind: 'replay', prior: prior.value }, bookmarks: prior.bookmarks };
  }

  const { value, bookmarks } = done;
  if (value.kind === 'replay') {
    const { prior } = value;
    if (prior.mutation !== mutation || prior.actor !== actor || prior.inputHash !== inputHash) {
      throw inputError([
        {
          field: 'input.requestId',
          message: `"${requestId}" was already used for another request (${prior.mutation} by ${prior.actor}); choose a new id for a new request`,
        },
      ]);
    }
    return { ...(JSON.parse(prior.resultJson) as R), write: { requestId, replayed: true, bookmarks, auditEntryId: prior.id, at: prior.at } };
  }
  const { outcome, entry } = value;
  env.changes.publish(outcome.events.map((event) => ({ ...event, mutation, requestId, actor, at: entry.at, auditEntryId: entry.id })));
  return { ...outcome.result, write: { requestId, replayed: false, bookmarks, auditEntryId: entry.id, at: entry.at } };
}

interface PriorEntry {
  id: string;
  mutation: string;
  actor: string;
  inputHash: string;
  resultJson: string;
  at: string;
}

async function findPrior(tx: ManagedTransaction, requestId: string): Promise<PriorEntry | null> {
  const result = await tx.run(AUDIT_BY_REQUEST_ID, { requestId });
  return result.records.length ? (toPlain(result.records[0].toObject()) as PriorEntry) : null;
}

function isDuplicateRequest(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && /AuditEntry/.test(error.message);
}

/** A digest of the input without its requestId: a retry must send the same request, not just the same id. */
function hashInput(mutation: string, input: object): string {
  const { requestId: _id, ...rest } = input as Record<string, unknown>;
  return crypto.createHash('sha256').update(mutation).update(stableJson(rest)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined && (value as Record<string, unknown>)[k] !== null)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
