import { ENTITY_TYPES } from '../model';
import { toPlain } from '../db';
import { inputError } from './inputError';
import { checkVersion, lockEntities, readEntities, versionOf } from './lockAndRead';
import { resolveRefs } from './resolveRef';
import { runMutation, type MutationEnv } from './runMutation';
import type { ChangeEvent } from './ChangeEvent';
import { relationIdOf, type EntityWriteResult } from './WriteResult';

/** MergeEntitiesInput, as GraphQL hands it over. */
export interface MergeEntitiesInput {
  requestId?: string | null;
  keepId: string;
  mergeId: string;
  reason?: string | null;
  expectedKeepVersion?: number | null;
  expectedMergeVersion?: number | null;
}

/**
 * Moves every relationship of `old` onto `keep`, each as the same type to
 * the same other end. Where `keep` already has that relationship, the
 * sources are joined and its own evidence is kept (as documents do); a
 * relationship between the two is dropped (it would connect keep to
 * itself). Returns the relations created or changed on keep.
 */
export const REWIRE_RELATIONSHIPS = `
MATCH (old:Entity {id: $mergeId}), (keep:Entity {id: $keepId})
CALL (old, keep) {
  MATCH (old)-[r]-(other:Entity)
  WHERE other <> keep
  WITH keep, r, other, type(r) AS t, properties(r) AS props, startNode(r) = old AS outgoing
  CALL (keep, other, t, props, outgoing) {
    WITH * WHERE outgoing
    MERGE (keep)-[nr:$(t)]->(other)
    RETURN nr
    UNION
    WITH * WHERE NOT outgoing
    MERGE (other)-[nr:$(t)]->(keep)
    RETURN nr
  }
  WITH r, t, other, outgoing, props, nr, nr.version IS NULL AS fresh
  SET nr += CASE WHEN fresh THEN props ELSE {} END
  SET nr.sources = coalesce(nr.sources, []) + [s IN coalesce(props.sources, []) WHERE NOT s IN coalesce(nr.sources, [])],
      nr.version = coalesce(nr.version, 0) + 1
  DELETE r
  RETURN collect({type: t, other: other.id, outgoing: outgoing}) AS moved
}
RETURN moved`;

/**
 * Folds `old` into `keep`: its name and aliases become aliases of keep, its
 * sources join keep's; the old id is kept as a :MergedId pointing at keep
 * (and ids merged into old before now point at keep too), so links and
 * documents that use it still resolve. Then old is deleted.
 */
export const FOLD_ENTITY = `
MATCH (old:Entity {id: $mergeId}), (keep:Entity {id: $keepId})
WITH old, keep,
     [a IN [old.name] + coalesce(old.aliases, []) WHERE NOT a IN coalesce(keep.aliases, []) AND a <> keep.name] AS newAliases,
     [k IN [old.nameKey] + coalesce(old.aliasKeys, []) WHERE NOT k IN coalesce(keep.aliasKeys, []) AND k <> keep.nameKey] AS newKeys
SET keep.aliases = coalesce(keep.aliases, []) + newAliases,
    keep.aliasKeys = coalesce(keep.aliasKeys, []) + newKeys,
    keep.sources = coalesce(keep.sources, []) + [s IN coalesce(old.sources, []) WHERE NOT s IN coalesce(keep.sources, [])],
    keep.version = coalesce(keep.version, 0) + 1
SET keep.aliasesText = reduce(text = '', a IN keep.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a)
WITH old, keep
OPTIONAL MATCH (earlier:MergedId {into: old.id})
SET earlier.into = keep.id
WITH DISTINCT old, keep
CREATE (:MergedId {id: old.id, into: keep.id, at: datetime(), by: $actor})
DETACH DELETE old
RETURN keep.version AS version`;

/** Merges one entity into another (admin); both must be of the same type. */
export async function mergeEntities(env: MutationEnv, input: MergeEntitiesInput) {
  return runMutation<EntityWriteResult>(env, 'mergeEntities', 'admin', input, async (tx, { actor }) => {
    const [keep, old] = await resolveRefs(tx, [
      { field: 'input.keepId', ref: input.keepId, types: ENTITY_TYPES, idOnly: true },
      { field: 'input.mergeId', ref: input.mergeId, types: ENTITY_TYPES, idOnly: true },
    ]);
    if (keep.id === old.id) throw inputError([{ field: 'input.mergeId', message: `"${input.mergeId}" is already "${keep.id}"` }]);
    if (keep.label !== old.label) {
      throw inputError([
        { field: 'input.mergeId', message: `"${old.id}" is a ${old.label} and "${keep.id}" a ${keep.label}: only entities of one type merge` },
      ]);
    }
    const before = await lockEntities(tx, [keep.id, old.id]);
    checkVersion('Entity', keep.id, versionOf(before.get(keep.id)), input.expectedKeepVersion, 'input.expectedKeepVersion');
    checkVersion('Entity', old.id, versionOf(before.get(old.id)), input.expectedMergeVersion, 'input.expectedMergeVersion');
    const rewired = await tx.run(REWIRE_RELATIONSHIPS, { keepId: keep.id, mergeId: old.id });
    const moved = (toPlain(rewired.records[0]?.get('moved')) ?? []) as Array<{ type: string; other: string; outgoing: boolean }>;
    await tx.run(FOLD_ENTITY, { keepId: keep.id, mergeId: old.id, actor });
    const after = (await readEntities(tx, [keep.id])).get(keep.id)!;
    const relationIds = moved.map((m) => (m.outgoing ? relationIdOf(keep.id, m.type, m.other) : relationIdOf(m.other, m.type, keep.id)));
    const events: Array<Omit<ChangeEvent, 'auditEntryId' | 'requestId' | 'actor' | 'at' | 'mutation'>> = [
      { kind: 'ENTITY', entityId: keep.id, relationId: null, relationType: null, to: null, version: versionOf(after), retracted: false },
      { kind: 'ENTITY', entityId: old.id, relationId: null, relationType: null, to: keep.id, version: null, retracted: true },
    ];
    return {
      result: { entityId: keep.id, version: versionOf(after), created: false },
      entityIds: [keep.id, old.id],
      relationIds,
      before: { [keep.id]: before.get(keep.id) ?? null, [old.id]: before.get(old.id) ?? null },
      after: { [keep.id]: after, [old.id]: { mergedInto: keep.id } },
      reason: input.reason ?? null,
      events,
    };
  });
}
