import type { Config } from '../config';
import { badInput } from '../errors';
import { decodeCursor, pageSize } from '../pagination';

/** Relation edges sort by [type, direction, other id, anchor id]; their cursors hold that key. */
export const RELATION_ORDERING = 'RELATION';
const SORT_KEY_LENGTH = 4;

/** The arguments every relation field takes. */
export interface RelationPageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Checks a relation field's page arguments: `first` within the list
 * limits, `after` a relation cursor. Refusals are BAD_USER_INPUT naming the
 * argument and the value.
 */
export function relationPageArgs(args: RelationPageArgs, limits: Config['limits']): { first: number; after: string[] | null } {
  const first = pageSize(args.first, limits);
  const after = args.after ? decodeCursor(args.after, RELATION_ORDERING, SORT_KEY_LENGTH) : null;
  if (after && !after.every((value) => typeof value === 'string')) {
    throw badInput(`after: "${args.after}" is not a cursor of this list (malformed sort key).`, { argument: 'after', value: args.after });
  }
  return { first, after: after as string[] | null };
}
