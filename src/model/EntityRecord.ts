import type { EntityType } from './entityTypes';

/**
 * An entity as resolvers pass it around: the node's properties plus its type
 * label. Type-specific properties (status, figures, url, ...) ride along.
 */
export interface EntityRecord {
  id: string;
  /** The node's type label, e.g. "Person"; also its GraphQL __typename. */
  label: EntityType;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  [property: string]: unknown;
}

/** The evidence properties every relationship carries (see docs/model.md). */
export interface EvidenceProperties {
  sources?: string[] | null;
  quote?: string | null;
  confidence?: number | null;
  date?: string | null;
  dateText?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  statement?: string | null;
}

/** One piece of evidence as GraphQL serves it: one source, with the relationship's quote and dates. */
export interface EvidenceRecord extends Omit<EvidenceProperties, 'sources'> {
  sourceId: string;
  /** The source entity, when a compiled statement read it (null: cited but not in the graph); absent otherwise. */
  source?: EntityRecord | null;
  /** The statement entity, when a compiled statement read it; absent otherwise. */
  statementEntity?: EntityRecord | null;
}

/** Splits a relationship's evidence into one record per source, in the order the sources were added. */
export function evidenceOf(properties: EvidenceProperties): EvidenceRecord[] {
  const { sources, ...rest } = properties;
  return (sources ?? []).map((sourceId) => ({ sourceId, ...rest }));
}
