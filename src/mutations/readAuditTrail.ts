import { requireRole, type Viewer } from '../auth';
import type { Config } from '../config';
import type { Db } from '../db';
import { decodeCursor, encodeCursor, pageSize } from '../pagination';
import { AUDIT_TRAIL, RETRACTIONS } from './auditQueries';

interface AuditRow {
  id: string;
  requestId: string;
  mutation: string;
  actor: string;
  role: string;
  at: string;
  entityIds: string[];
  relationIds: string[];
  reason: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

const ORDERING = 'AUDIT_AT_DESC';

/**
 * Query.auditTrail (admin): an entity's audit entries, newest first, in
 * keyset pages over (at, id); before/after are parsed back from their JSON.
 */
export async function readAuditTrail(
  db: Db,
  viewer: Viewer,
  limits: Config['limits'],
  args: { entityId: string; first?: number | null; after?: string | null },
) {
  requireRole(viewer, 'admin', 'auditTrail');
  const first = pageSize(args.first, limits);
  const [afterAt, afterId] = args.after ? (decodeCursor(args.after, ORDERING, 2) as [string, string]) : [null, null];
  const rows = await db.read<{ entry: AuditRow }>('auditTrail', AUDIT_TRAIL, { entityId: args.entityId, afterAt, afterId, limit: first + 1 });
  const page = rows.slice(0, first).map(({ entry }) => ({
    cursor: encodeCursor(ORDERING, [entry.at, entry.id]),
    node: {
      ...entry,
      role: entry.role.toUpperCase(),
      before: entry.beforeJson === null ? null : JSON.parse(entry.beforeJson),
      after: entry.afterJson === null ? null : JSON.parse(entry.afterJson),
    },
  }));
  return { edges: page, pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.cursor ?? null } };
}

/** Query.retractions (analyst): what reads no longer show about an entity, with the values and reasons. */
export async function readRetractions(db: Db, viewer: Viewer, limits: Config['limits'], args: { entityId: string; first?: number | null }) {
  requireRole(viewer, 'analyst', 'retractions');
  const rows = await db.read<{ retraction: Record<string, unknown> & { valueJson: string | null } }>('retractions', RETRACTIONS, {
    entityId: args.entityId,
    limit: pageSize(args.first, limits),
  });
  return rows.map(({ retraction: { valueJson, ...rest } }) => ({ ...rest, value: valueJson === null ? null : JSON.parse(valueJson) }));
}
