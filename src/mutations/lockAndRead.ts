import type { ManagedTransaction } from 'neo4j-driver';
import { toPlain } from '../db';
import { AppError, ErrorCode } from '../errors';

/**
 * Takes the write locks of entities before reading them. A plain read sees
 * the last committed value, which another transaction may be about to
 * change; setting (and removing) a property takes the node's write lock,
 * which waits for that transaction, so the versions read afterwards are the
 * ones this transaction will overwrite. Ids are locked in sorted order, so
 * two writers of the same entities never wait on each other in a circle.
 */
export const LOCK_ENTITIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.writeLock = true
REMOVE n.writeLock
RETURN count(n) AS locked`;

/** The properties of entities, after their locks were taken. */
export const ENTITY_PROPERTIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label`;

/** The properties of one relationship (one per type between two entities), if it exists. */
export const RELATION_PROPERTIES = `
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
RETURN properties(r) AS props`;

/** Locks the entities, then returns their current properties by id (absent ones are missing from the map). */
export async function lockEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const sorted = [...new Set(ids)].sort();
  await tx.run(LOCK_ENTITIES, { ids: sorted });
  return readEntities(tx, sorted);
}

/** The current properties of entities, by id. */
export async function readEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const result = await tx.run(ENTITY_PROPERTIES, { ids: [...ids] });
  return new Map(result.records.map((r) => [r.get('id') as string, toPlain(r.get('props')) as Record<string, unknown>]));
}

/** The current properties of a relation, or null. Call after locking both of its ends. */
export async function readRelation(tx: ManagedTransaction, from: string, type: string, to: string): Promise<Record<string, unknown> | null> {
  const result = await tx.run(RELATION_PROPERTIES, { from, type, to });
  return result.records.length ? (toPlain(result.records[0].get('props')) as Record<string, unknown>) : null;
}

/** The version of an entity or relation as stored; things written before versions existed are at 0. */
export function versionOf(props: Record<string, unknown> | null | undefined): number {
  return typeof props?.version === 'number' ? props.version : 0;
}

/**
 * Optimistic concurrency: refuses the write with CONFLICT when the client
 * names a version that is no longer current (someone else wrote since it
 * read), with the current version in extensions. No expected version: no
 * check (last writer wins, as the client asked for).
 */
export function checkVersion(what: string, id: string, current: number, expected: number | null | undefined, field: string): void {
  if (expected === null || expected === undefined || expected === current) return;
  throw new AppError(
    ErrorCode.CONFLICT,
    `${what} "${id}" is at version ${current}, not ${expected} (${field}): it changed since it was read. Read it again, then retry.`,
    { id, field, expectedVersion: expected, currentVersion: current },
  );
}
