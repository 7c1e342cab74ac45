import { badInput } from '../errors';
import type { EntityRecord, EntityType } from '../model';
import { pageSize } from '../pagination';
import type { Context } from '../server/Context';
import { luceneQuery } from './luceneQuery';

/**
 * Full-text search through the `entity_fulltext` index (name, aliasesText,
 * description of every entity label). The Lucene query is built from
 * escaped words only, and passed as a parameter. The type filter is applied
 * before LIMIT, so asking for persons never returns fewer than there are.
 */
export const SEARCH_ENTITIES = `
CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE $labels IS NULL OR label IN $labels
RETURN node { .*, label: label } AS entity, score
ORDER BY score DESC, node.id
LIMIT toInteger($first)
`;

/** One hit as SearchHit resolves it. */
export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
}

/**
 * Searches entities by text. Empty (or whitespace-only) text is a
 * BAD_USER_INPUT; text without letters or digits finds nothing, without
 * asking the database.
 */
export async function searchEntities(
  ctx: Context,
  args: { text: string; types?: EntityType[] | null; first?: number | null },
): Promise<SearchHitRecord[]> {
  if (!args.text.trim()) throw badInput('text: expected some words to search for, got an empty text.', { argument: 'text', value: args.text });
  const first = pageSize(args.first, ctx.config.limits);
  const query = luceneQuery(args.text);
  if (!query || first === 0) return [];
  const labels = args.types?.length ? [...new Set(args.types)] : null;
  return ctx.db.read<SearchHitRecord>('searchEntities', SEARCH_ENTITIES, { query, labels, first });
}
