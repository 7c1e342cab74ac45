/**
 * Constraints and indexes of the write API's own nodes, applied with the
 * rest of the schema (src/ingest/applySchema). The requestId constraint is
 * what makes a retried request apply once.
 */
export const WRITE_SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT audit_request_id_unique IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.requestId IS UNIQUE',
  'CREATE CONSTRAINT audit_id_unique IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE',
  'CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)',
  'CREATE CONSTRAINT merged_id_unique IF NOT EXISTS FOR (m:MergedId) REQUIRE m.id IS UNIQUE',
  'CREATE INDEX merged_into IF NOT EXISTS FOR (m:MergedId) ON (m.into)',
  'CREATE INDEX retraction_entity IF NOT EXISTS FOR (x:Retraction) ON (x.entityId)',
  'CREATE INDEX retraction_to IF NOT EXISTS FOR (x:Retraction) ON (x.to)',
  'CREATE CONSTRAINT source_text_unique IF NOT EXISTS FOR (t:SourceText) REQUIRE t.sourceId IS UNIQUE',
];
