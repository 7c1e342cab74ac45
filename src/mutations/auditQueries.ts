/**
 * The Cypher of the audit trail. Entries are :AuditEntry nodes, not
 * entities: no Entity label, no relationships, so no read of the graph
 * (lists, relation fields, exploration, search) ever meets them; their
 * requestId is unique (applySchema), which is what makes a retried request
 * apply once even when both tries race.
 */

/** The entry an earlier try of this request left, if any. */
export const AUDIT_BY_REQUEST_ID = `
MATCH (a:AuditEntry {requestId: $requestId})
RETURN a.id AS id, a.mutation AS mutation, a.actor AS actor, a.inputHash AS inputHash, a.resultJson AS resultJson, toString(a.at) AS at`;

/** Records one write; runs last in the mutation's own transaction, so the entry exists exactly when the write does. */
export const CREATE_AUDIT_ENTRY = `
CREATE (a:AuditEntry {
  id: randomUUID(), requestId: $requestId, mutation: $mutation, actor: $actor, role: $role, at: datetime(),
  entityIds: $entityIds, relationIds: $relationIds, reason: $reason,
  beforeJson: $beforeJson, afterJson: $afterJson, inputHash: $inputHash, resultJson: $resultJson
})
RETURN a.id AS id, toString(a.at) AS at`;

/** A page of one entity's entries, newest first, after a keyset cursor (at, id). */
export const AUDIT_TRAIL = `
MATCH (a:AuditEntry)
WHERE $entityId IN a.entityIds
  AND ($afterAt IS NULL OR a.at < datetime($afterAt) OR (a.at = datetime($afterAt) AND a.id < $afterId))
RETURN a { .id, .requestId, .mutation, .actor, .role, .entityIds, .relationIds, .reason, .beforeJson, .afterJson, at: toString(a.at) } AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT toInteger($limit)`;

/** Retractions of one entity (as entity, or as either end of a relation), newest first. */
export const RETRACTIONS = `
MATCH (x:Retraction)
WHERE x.entityId = $entityId OR x.to = $entityId
RETURN x { .id, .kind, .entityId, .relationId, .property, .valueJson, .reason, .actor, at: toString(x.at) } AS retraction
ORDER BY x.at DESC, x.id DESC
LIMIT toInteger($limit)`;

/** Records a retraction as history (with the retracted value), beside the audit entry. */
export const CREATE_RETRACTION = `
CREATE (x:Retraction {
  id: randomUUID(), kind: $kind, entityId: $entityId, to: $to, relationId: $relationId, property: $property,
  valueJson: $valueJson, reason: $reason, actor: $actor, requestId: $requestId, at: datetime()
})
RETURN x.id AS id`;
