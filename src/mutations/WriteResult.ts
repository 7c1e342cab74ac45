/** What every mutation answers besides its own result (GraphQL WriteInfo). */
export interface WriteInfo {
  requestId: string;
  replayed: boolean;
  bookmarks: string[];
  auditEntryId: string;
  at: string;
}

/** The result of a mutation on one entity (GraphQL EntityWrite, without the entity itself). */
export interface EntityWriteResult {
  entityId: string;
  version: number;
  created: boolean;
}

/** The result of a mutation on one relation (GraphQL RelationWrite). */
export interface RelationWriteResult {
  relationId: string;
  type: string;
  from: string;
  to: string;
  version: number;
  created: boolean;
  retracted: boolean;
}

/** The id a relation is known by in the API (the exploration edges use the same): `<from>-<TYPE>-<to>`. */
export function relationIdOf(from: string, type: string, to: string): string {
  return `${from}-${type}-${to}`;
}
