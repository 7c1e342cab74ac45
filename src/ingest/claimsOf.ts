import type { SeedEntity } from './seedDocumentSchema';

/** Properties that identify rather than assert: they get no claim. */
const NOT_CLAIMED = new Set(['id', 'type', 'sameAs', 'distinctFrom', 'evidence']);

/**
 * One document's claims about one entity: for every property it gives (and
 * every alias), which sources assert which value, with the words where the
 * document's `evidence` gives them; sources default to the document's own.
 * Stored on the node as canonical JSON strings (a node property cannot hold
 * maps), keys in a fixed order so that loading the same document again
 * writes the same strings. The document id comes first: a reload replaces
 * the document's earlier claims, while another document's different value
 * for the same property stays beside it.
 */
export function claimsOf(entity: SeedEntity, documentId: string, documentSources: readonly string[], target: (id: string) => string): string[] {
  const claims: string[] = [];
  for (const [property, given] of Object.entries(entity)) {
    if (given === undefined || NOT_CLAIMED.has(property)) continue;
    for (const value of Array.isArray(given) ? given : [given]) {
      const entry =
        entity.evidence?.find((e) => e.property === property && e.value === value) ??
        entity.evidence?.find((e) => e.property === property && e.value === undefined);
      const sources = (entry?.sources ?? documentSources).map(target);
      claims.push(JSON.stringify({ document: documentId, property, value, sources, quote: entry?.quote ?? null }));
    }
  }
  return claims.sort();
}
