import { isInt } from 'neo4j-driver';
import { createConcurrencyLimit } from '../../src/cypher-sandbox/createConcurrencyLimit';
import { jsonToParams } from '../../src/cypher-sandbox/jsonToParams';
import { shiftMessage } from '../../src/cypher-sandbox/mapCypherError';

describe('jsonToParams', () => {
  it('sends whole numbers as integers, other values as they are', () => {
    const params = jsonToParams({ n: 3, f: 2.5, s: 'x', list: [1, 1.5], map: { k: 4 }, nothing: null });
    expect(isInt(params.n)).toBe(true);
    expect(params.f).toBe(2.5);
    expect(params.s).toBe('x');
    expect(isInt((params.list as unknown[])[0])).toBe(true);
    expect((params.list as unknown[])[1]).toBe(1.5);
    expect(isInt((params.map as Record<string, unknown>).k)).toBe(true);
    expect(params.nothing).toBeNull();
  });
  it('takes no params as none', () => {
    expect(jsonToParams(null)).toEqual({});
    expect(jsonToParams(undefined)).toEqual({});
  });
  it.each([[[1]], ['x'], [3], [true]])('refuses %j with BAD_USER_INPUT naming params', (value) => {
    expect(() => jsonToParams(value)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'params' }) }),
    );
  });
});

describe('shiftMessage', () => {
  it("moves the server's position back over the EXPLAIN prefix", () => {
    const { message, position } = shiftMessage('Invalid input \'X\' (line 3, column 4 (offset: 20))\n"X"', { lines: 1, chars: 8 });
    expect(position).toEqual({ line: 2, column: 4, offset: 12 });
    expect(message).toBe('Invalid input \'X\' (line 2, column 4 (offset: 12))\n"X"');
  });
  it('leaves messages without a position alone', () => {
    expect(shiftMessage('Expected parameter(s): x', { lines: 1, chars: 8 })).toEqual({ message: 'Expected parameter(s): x' });
  });
});

describe('createConcurrencyLimit', () => {
  it('runs at most maxConcurrent, queues maxQueued, refuses the rest with TOO_MANY_REQUESTS', async () => {
    const limit = createConcurrencyLimit({ maxConcurrent: 2, maxQueued: 1 });
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const work = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve('done');
        });
      });
    const calls = [limit(work), limit(work), limit(work)];
    await expect(limit(work)).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(limit.active).toBe(2);
    expect(limit.queued).toBe(1);
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect(Promise.all(calls)).resolves.toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    await expect(limit(async () => 'again')).resolves.toBe('again');
  });
});
