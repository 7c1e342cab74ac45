import { shareReads } from '../../src/compile';
import { sharedRead } from '../../src/compile/sharedReads';
import type { CompiledStatement } from '../../src/compile';
import type { Db } from '../../src/db';

/** sharedRead keys on the request's Db view and the statement object alone: stand-ins of both are enough here. */
const view = () => ({}) as Db;
const statement = (): CompiledStatement => ({ text: 'RETURN 1', layouts: {}, params: {} });

/** A read that counts its calls and answers with the given outcomes in turn. */
function reader(...outcomes: Array<'rows' | 'fails'>) {
  const r = {
    calls: 0,
    read: async () => {
      const outcome = outcomes[r.calls++];
      if (outcome === 'fails') throw new Error('connection lost');
      return [{ n: r.calls }];
    },
  };
  return r;
}

describe('shareReads', () => {
  it('reads a statement once within an operation and hands the same rows to a second read of it', async () => {
    const db = view();
    const s = statement();
    const r = reader('rows', 'rows');
    const [first, again] = await shareReads(db, async () => [await sharedRead(db, s, r.read), await sharedRead(db, s, r.read)]);
    expect(r.calls).toBe(1);
    expect(again).toBe(first);
    // Another statement object is read again.
    await shareReads(db, () => sharedRead(db, statement(), r.read));
    expect(r.calls).toBe(2);
  });

  it('shares nothing outside an operation, nor after it ended', async () => {
    const db = view();
    const s = statement();
    const r = reader('rows', 'rows', 'rows', 'rows');
    await sharedRead(db, s, r.read);
    await sharedRead(db, s, r.read);
    expect(r.calls).toBe(2);
    await shareReads(db, () => sharedRead(db, s, r.read));
    await sharedRead(db, s, r.read);
    expect(r.calls).toBe(4);
  });

  it('tries a failed read again instead of sharing its failure', async () => {
    const db = view();
    const s = statement();
    const r = reader('fails', 'rows');
    const rows = await shareReads(db, async () => {
      await expect(sharedRead(db, s, r.read)).rejects.toThrow('connection lost');
      return sharedRead(db, s, r.read);
    });
    expect(rows).toEqual([{ n: 2 }]);
    expect(r.calls).toBe(2);
  });
});
