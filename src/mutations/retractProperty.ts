import { ENTITY_TYPES } from '../model';
import { CREATE_RETRACTION } from './auditQueries';
import { inputError } from './inputError';
import { checkVersion, lockEntities, readEntities, versionOf } from './lockAndRead';
import { resolveRef } from './resolveRef';
import { runMutation, type MutationEnv } from './runMutation';
import type { EntityWriteResult } from './WriteResult';

/** RetractPropertyInput, as GraphQL hands it over. */
export interface RetractPropertyInput {
  requestId?: string | null;
  entityId: string;
  property: string;
  reason: string;
  expectedVersion?: number | null;
}

/**
 * What makes an entity findable and traceable, which a retraction may not
 * remove: the identity, the name and its search keys, the sources, the
 * version. A wrong name is corrected by upsertEntity or mergeEntities.
 */
const PROTECTED = new Set(['id', 'name', 'nameKey', 'aliases', 'aliasKeys', 'aliasesText', 'sources', 'version']);

/** Removes the values (a `null` in `+=` removes a property) and counts a version. */
const REMOVE_PROPERTIES = `
MATCH (n:Entity {id: $id})
SET n += $removed, n.version = coalesce(n.version, 0) + 1
RETURN n.version AS version`;

/** Retracts one property value of an entity: removed from reads, kept with its reason as a :Retraction. */
export async function retractProperty(env: MutationEnv, input: RetractPropertyInput) {
  if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(input.property)) {
    throw inputError([
      { field: 'input.property', message: `expected a property name such as description, got ${JSON.stringify(input.property.slice(0, 80))}` },
    ]);
  }
  if (PROTECTED.has(input.property)) {
    throw inputError([
      {
        field: 'input.property',
        message: `"${input.property}" identifies the entity and cannot be retracted; correct it with upsertEntity or mergeEntities`,
      },
    ]);
  }
  if (!input.reason.trim()) throw inputError([{ field: 'input.reason', message: 'say why the value is retracted' }]);

  return runMutation<EntityWriteResult>(env, 'retractProperty', 'editor', input, async (tx, { actor, requestId }) => {
    const entity = await resolveRef(tx, { field: 'input.entityId', ref: input.entityId, types: ENTITY_TYPES, idOnly: true });
    const before = (await lockEntities(tx, [entity.id])).get(entity.id)!;
    checkVersion('Entity', entity.id, versionOf(before), input.expectedVersion, 'input.expectedVersion');
    if (!(input.property in before)) throw inputError([{ field: 'input.property', message: `"${entity.id}" has no ${input.property} to retract` }]);
    // A date goes with its precision (2025-08 is stored as a date plus "month").
    const removed: Record<string, null> = { [input.property]: null };
    if (`${input.property}Precision` in before) removed[`${input.property}Precision`] = null;
    await tx.run(REMOVE_PROPERTIES, { id: entity.id, removed });
    const value = Object.fromEntries(Object.keys(removed).map((key) => [key, before[key]]));
    await tx.run(CREATE_RETRACTION, {
      kind: 'PROPERTY',
      entityId: entity.id,
      to: null,
      relationId: null,
      property: input.property,
      valueJson: JSON.stringify(value),
      reason: input.reason,
      actor,
      requestId,
    });
    const after = (await readEntities(tx, [entity.id])).get(entity.id)!;
    return {
      result: { entityId: entity.id, version: versionOf(after), created: false },
      entityIds: [entity.id],
      relationIds: [],
      before: { [entity.id]: before },
      after: { [entity.id]: after },
      reason: input.reason,
      events: [{ kind: 'ENTITY', entityId: entity.id, relationId: null, relationType: null, to: null, version: versionOf(after), retracted: false }],
    };
  });
}
