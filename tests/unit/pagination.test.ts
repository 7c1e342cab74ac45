import { decodeCursor, encodeCursor, pageSize, toConnection, type PageInfo } from '../../src/pagination';

const limits = { listDefault: 20, listMax: 100 };

/** PageInfo's four fields as a plain object (a page's cursors are getters, read when selected). */
const fieldsOf = (info: PageInfo) => ({
  hasNextPage: info.hasNextPage,
  hasPreviousPage: info.hasPreviousPage,
  startCursor: info.startCursor,
  endCursor: info.endCursor,
});

describe('pagination helpers', () => {
  it('takes the default page size when first is omitted, and refuses sizes beyond the maximum', () => {
    expect(pageSize(undefined, limits)).toBe(20);
    expect(pageSize(null, limits)).toBe(20);
    expect(pageSize(0, limits)).toBe(0);
    expect(pageSize(100, limits)).toBe(100);
    expect(() => pageSize(101, limits)).toThrow('first: at most 100 items per page, got 101.');
    expect(() => pageSize(-1, limits, 'limit')).toThrow(/^limit: expected a whole number from 0 to 100, got -1/);
    try {
      pageSize(101, limits);
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first', value: 101, max: 100 });
    }
  });

  it('round-trips cursors, and refuses garbage and cursors of another ordering', () => {
    const cursor = encodeCursor('NAME_ASC', ['Vladimir Putin', 'vladimir-putin']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'NAME_ASC', 2)).toEqual(['Vladimir Putin', 'vladimir-putin']);
    expect(() => decodeCursor(cursor, 'ID_ASC', 1)).toThrow(/after: ".*" is not a cursor of this list \(it was made for ordering NAME_ASC, not ID_ASC\)/);
    expect(() => decodeCursor(cursor, 'NAME_ASC', 1)).toThrow(/malformed sort key/);
    expect(() => decodeCursor('a b', 'NAME_ASC', 2)).toThrow(/not base64url/);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'NAME_ASC', 2)).toThrow(/undecodable/);
    expect(() => decodeCursor(Buffer.from('{"o":"NAME_ASC","k":[{},1]}').toString('base64url'), 'NAME_ASC', 2)).toThrow(/malformed/);
  });

  it('builds a page from first + 1 rows: the extra one only says there is more', async () => {
    const rows = [{ cursor: 'a' }, { cursor: 'b' }, { cursor: 'c' }];
    const count = jest.fn(async () => 3);
    const page = toConnection(rows, { first: 2, after: null }, count);
    expect(page.edges).toEqual([{ cursor: 'a' }, { cursor: 'b' }]);
    expect(fieldsOf(page.pageInfo)).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' });
    expect(fieldsOf(toConnection(rows, { first: 3, after: undefined }, count).pageInfo)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: 'a',
      endCursor: 'c',
    });
    expect(fieldsOf(toConnection([], { first: 3, after: null }, count).pageInfo)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    // A page asked for after a cursor is not the first, even when it is empty.
    expect(fieldsOf(toConnection(rows.slice(1), { first: 2, after: 'a' }, count).pageInfo)).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: 'b',
      endCursor: 'c',
    });
    expect(toConnection([], { first: 2, after: 'c' }, count).pageInfo.hasPreviousPage).toBe(true);
    expect(count).not.toHaveBeenCalled();
    expect(await page.totalCount).toBe(3);
  });
});
