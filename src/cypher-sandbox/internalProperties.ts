/**
 * Properties the loader keeps for matching and full-text search (the
 * normalized name and aliases: src/ingest), not facts of the graph. They
 * never appear in an analyst result: not in a node's or relationship's
 * properties, nor as a key of a returned map (`properties(n)`, `n {.*}`).
 */
export const INTERNAL_PROPERTIES: ReadonlySet<string> = new Set(['nameKey', 'aliasKeys', 'aliasesText']);
