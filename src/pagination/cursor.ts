import { badInput } from '../errors';

/** What a cursor holds: the ordering it belongs to and the sort key of the item it points at. */
interface CursorPayload {
  /** The ordering, e.g. "NAME_ASC"; a cursor is only valid under the ordering that made it. */
  o: string;
  /** The sort key values, the id last. */
  k: Array<string | number | null>;
}

/**
 * Encodes an opaque cursor: base64url of the ordering and the sort key
 * values of one item (its id last). Clients must not build cursors; the
 * encoding may change.
 */
export function encodeCursor(ordering: string, key: Array<string | number | null>): string {
  const payload: CursorPayload = { o: ordering, k: key };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for the same ordering and key length.
 * Anything else (garbage, a cursor of another ordering or list) is a
 * BAD_USER_INPUT naming the argument and the value.
 */
export function decodeCursor(cursor: string, ordering: string, keyLength: number, argument = 'after'): Array<string | number | null> {
  const refuse = (why: string) =>
    badInput(`${argument}: "${cursor.length > 100 ? `${cursor.slice(0, 100)}...` : cursor}" is not a cursor of this list (${why}).`, {
      argument,
      value: cursor,
    });
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(cursor)) throw refuse('not base64url');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('undecodable');
  }
  const p = payload as Partial<CursorPayload> | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.k)) throw refuse('undecodable');
  if (p.o !== ordering) throw refuse(`it was made for ordering ${String(p.o)}, not ${ordering}`);
  if (p.k.length !== keyLength || !p.k.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
    throw refuse('malformed sort key');
  }
  return p.k;
}
