import { notFound } from '../errors';
import { isRelationType, RELATION_RULES, RELATION_TYPES, type RelationType } from '../model';
import { CREATE_RETRACTION } from './auditQueries';
import { inputError } from './inputError';
import { checkVersion, lockEntities, readRelation, versionOf } from './lockAndRead';
import { resolveRefs } from './resolveRef';
import { runMutation, type MutationEnv } from './runMutation';
import { relationIdOf, type RelationWriteResult } from './WriteResult';

/** RetractRelationInput, as GraphQL hands it over. */
export interface RetractRelationInput {
  requestId?: string | null;
  type: string;
  from: string;
  to: string;
  reason: string;
  expectedVersion?: number | null;
}

/**
 * Marks the relationship retracted instead of deleting it: the read
 * queries skip relationships with `retracted = true`, and the retraction
 * (who, when, why, and the evidence it had) is kept as a :Retraction.
 */
const RETRACT = `
MATCH (:Entity {id: $from})-[r:$($type)]->(:Entity {id: $to})
SET r.retracted = true, r.retractedReason = $reason, r.retractedAt = datetime(), r.retractedBy = $actor,
    r.version = coalesce(r.version, 0) + 1
RETURN r.version AS version`;

/** Retracts one relation, with a reason; it stays in the graph as history, hidden from reads. */
export async function retractRelation(env: MutationEnv, input: RetractRelationInput) {
  if (!isRelationType(input.type)) {
    throw inputError([
      { field: 'input.type', message: `unknown relation type ${JSON.stringify(input.type)}; expected one of ${RELATION_TYPES.join(', ')}` },
    ]);
  }
  if (!input.reason.trim()) throw inputError([{ field: 'input.reason', message: 'say why the relation is retracted' }]);
  const type = input.type as RelationType;
  const rule = RELATION_RULES[type];

  return runMutation<RelationWriteResult>(env, 'retractRelation', 'editor', input, async (tx, { actor, requestId }) => {
    const [from, to] = await resolveRefs(tx, [
      { field: 'input.from', ref: input.from, types: rule.from, why: `${type} starts at ${rule.from.join(' or ')}` },
      { field: 'input.to', ref: input.to, types: rule.to, why: `${type} ends at ${rule.to.join(' or ')}` },
    ]);
    const relationId = relationIdOf(from.id, type, to.id);
    await lockEntities(tx, [from.id, to.id]);
    const before = await readRelation(tx, from.id, type, to.id);
    if (!before) throw notFound(`There is no relation ${relationId} to retract.`, { field: 'input', relationId });
    checkVersion('Relation', relationId, versionOf(before), input.expectedVersion, 'input.expectedVersion');
    if (before.retracted === true) throw inputError([{ field: 'input', message: `the relation ${relationId} is already retracted` }]);
    await tx.run(RETRACT, { from: from.id, type, to: to.id, reason: input.reason, actor });
    await tx.run(CREATE_RETRACTION, {
      kind: 'RELATION',
      entityId: from.id,
      to: to.id,
      relationId,
      property: null,
      valueJson: JSON.stringify(before),
      reason: input.reason,
      actor,
      requestId,
    });
    const after = (await readRelation(tx, from.id, type, to.id))!;
    return {
      result: { relationId, type, from: from.id, to: to.id, version: versionOf(after), created: false, retracted: true },
      entityIds: [from.id, to.id],
      relationIds: [relationId],
      before: { [relationId]: before },
      after: { [relationId]: after },
      reason: input.reason,
      events: [{ kind: 'RELATION', entityId: from.id, relationId, relationType: type, to: to.id, version: versionOf(after), retracted: true }],
    };
  });
}
