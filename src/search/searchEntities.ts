import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { compileSearch, planOnce, readCompiled } from '../compile';
import { badInput } from '../errors';
import type { EntityRecord, EntityType } from '../model';
import { pageSize } from '../pagination';
import type { Context } from '../server/Context';
import { luceneQuery } from './luceneQuery';

/** One hit as SearchHit resolves it. */
export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
}

/**
 * Searches entities by text, through the `entity_fulltext` index (name,
 * aliasesText, description of every entity label), in one statement
 * compiled from the selection (see compileSearch). The Lucene query is
 * built from escaped words only, and passed as a parameter; the type
 * filter is applied before LIMIT, so asking for persons never returns
 * fewer than there are. Empty (or whitespace-only) text is a
 * BAD_USER_INPUT; text without letters or digits finds nothing, without
 * asking the database.
 */
export async function searchEntities(
  ctx: Context,
  args: { text: string; types?: EntityType[] | null; first?: number | null },
  info: GraphQLResolveInfo,
): Promise<SearchHitRecord[]> {
  if (!args.text.trim()) throw badInput('text: expected some words to search for, got an empty text.', { argument: 'text', value: args.text });
  const first = pageSize(args.first, ctx.config.limits);
  const query = luceneQuery(args.text);
  if (!query || first === 0) return [];
  const labels = args.types?.length ? [...new Set(args.types)] : null;
  const hitType = getNamedType(info.returnType) as GraphQLObjectType;
  const statement = planOnce(info, ctx.config.limits, (plan) => compileSearch(plan, hitType, info.fieldNodes, { query, labels, first }));
  return readCompiled<SearchHitRecord>(ctx.db, 'searchEntities', statement);
}
