/** A claim as stored on a node (one JSON string of the `claims` list, see src/ingest/claimsOf.ts). */
export interface StoredClaim {
  document: string;
  property: string;
  value: unknown;
  sources: string[];
  quote: string | null;
}

/** One claim per source, as Claim resolves it. */
export interface ClaimRecord extends Omit<StoredClaim, 'sources'> {
  sourceId: string;
}

/**
 * Reads the stored claims of an entity, one per source, optionally only
 * those about `property`. A string that is not a claim (hand-edited data)
 * is skipped rather than failing the whole entity.
 */
export function parseClaims(stored: readonly string[] | null | undefined, property?: string | null): ClaimRecord[] {
  const out: ClaimRecord[] = [];
  for (const text of stored ?? []) {
    let claim: StoredClaim;
    try {
      claim = JSON.parse(text) as StoredClaim;
    } catch {
      continue;
    }
    if (property && claim.property !== property) continue;
    for (const sourceId of claim.sources ?? [])
      out.push({ document: claim.document, property: claim.property, value: claim.value, quote: claim.quote, sourceId });
  }
  return out;
}
