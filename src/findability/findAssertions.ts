import type { Db } from '../db';
import type { EntityRecord, EvidenceProperties } from '../model';

/** The conditions of Query.assertions. */
export interface AssertionWhere {
  source?: string | null;
  confidenceBelow?: number | null;
  confidenceAtLeast?: number | null;
  dateFrom?: Date | string | null;
  dateTo?: Date | string | null;
  dateText?: string | null;
}

/** One assertion as Assertion resolves it. */
export interface AssertionRecord {
  type: string;
  from: EntityRecord;
  to: EntityRecord;
  properties: EvidenceProperties;
}

/**
 * Relationships selected by their evidence. Every condition is a parameter;
 * an absent one is null and holds for every relationship. Ordered by type
 * and ids so that the answer is stable.
 */
export const FIND_ASSERTIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sources IS NOT NULL
  AND ($source IS NULL OR $source IN r.sources)
  AND ($below IS NULL OR r.confidence < $below)
  AND ($atLeast IS NULL OR r.confidence >= $atLeast)
  AND ($dateFrom IS NULL OR r.date >= date($dateFrom))
  AND ($dateTo IS NULL OR r.date <= date($dateTo))
  AND ($dateText IS NULL OR toLower(r.dateText) CONTAINS $dateText)
WITH a, r, b ORDER BY type(r), a.id, b.id LIMIT toInteger($first)
RETURN type(r) AS type,
       a { .*, label: [l IN labels(a) WHERE l <> 'Entity'][0] } AS from,
       b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] } AS to,
       properties(r) AS properties`;

const isoDay = (value: Date | string | null | undefined) => (value ? (value instanceof Date ? value.toISOString().slice(0, 10) : value) : null);

/** Finds assertions by their evidence (Query.assertions); `first` is already bounded. */
export function findAssertions(db: Db, where: AssertionWhere, first: number): Promise<AssertionRecord[]> {
  return db.read<AssertionRecord>('findAssertions', FIND_ASSERTIONS, {
    source: where.source ?? null,
    below: where.confidenceBelow ?? null,
    atLeast: where.confidenceAtLeast ?? null,
    dateFrom: isoDay(where.dateFrom),
    dateTo: isoDay(where.dateTo),
    dateText: where.dateText ? where.dateText.toLowerCase() : null,
    first,
  });
}
