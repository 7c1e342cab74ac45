/** One change the API made, as subscribers receive it (GraphQL ChangeEvent). */
export interface ChangeEvent {
  /** ENTITY or RELATION. */
  kind: 'ENTITY' | 'RELATION';
  /** The mutation that made it: upsertEntity, assertRelation ... */
  mutation: string;
  /** The entity changed, or the relation's start entity. */
  entityId: string;
  /** For a relation: its id, type and end entity. */
  relationId: string | null;
  relationType: string | null;
  to: string | null;
  /** The version after the change; null when the entity no longer exists (merged away). */
  version: number | null;
  /** True when the change retracted (or merged away) what it names. */
  retracted: boolean;
  requestId: string;
  actor: string;
  at: string;
  auditEntryId: string;
}
