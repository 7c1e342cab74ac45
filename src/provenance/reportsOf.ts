import type { Db } from '../db';

/** One report of an entity, as Report resolves it (ids; entities come through the loader). */
export interface ReportRecord {
  sourceId: string;
  publishedBy: string[];
  cites: string[];
  statementId: string | null;
}

/**
 * The reports of an entity at the first level: sources it is REPORTED_BY
 * directly, and sources that carry a statement ABOUT it; each with its
 * publisher and what it cites. Bounded: at most 50 reports, 20 publishers
 * and citations each.
 */
export const REPORTS_OF = `
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[:REPORTED_BY]->(s:Source) RETURN s, null AS statement
  UNION
  MATCH (statement:Statement)-[:ABOUT]->(e) MATCH (statement)-[:REPORTED_BY]->(s:Source) RETURN s, statement
}
WITH s, statement LIMIT 50
RETURN s.id AS sourceId,
       [(s)-[:PUBLISHED_BY]->(p:Entity) | p.id][..20] AS publishedBy,
       [(s)-[:CITES]->(c:Entity) | c.id][..20] AS cites,
       statement.id AS statementId
ORDER BY statementId IS NOT NULL, sourceId, statementId`;

/** Reads the reports of one entity (see REPORTS_OF). */
export function reportsOf(db: Db, id: string): Promise<ReportRecord[]> {
  return db.read<ReportRecord>('reportsOf', REPORTS_OF, { id });
}
