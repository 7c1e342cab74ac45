import { createPermitPool } from '../../src/admission';

const refusal = (reason: 'full' | 'timeout') => new Error(reason);

describe('createPermitPool', () => {
  it('hands out permits up to its size, queues a few, and refuses one more at once', async () => {
    const pool = createPermitPool({ maxConcurrent: 2, maxQueued: 1, queueTimeoutMs: 0, refusal });
    const a = await pool.acquire();
    await pool.acquire();
    const waiting = pool.acquire();
    expect([pool.active, pool.queued]).toEqual([2, 1]);
    await expect(pool.acquire()).rejects.toThrow('full');
    a();
    a(); // a second release of the same permit changes nothing
    await waiting;
    expect([pool.active, pool.queued]).toEqual([2, 0]);
  });

  it('refuses a waiter whose wait runs out, and one whose request is aborted', async () => {
    const pool = createPermitPool({ maxConcurrent: 1, maxQueued: 5, queueTimeoutMs: 50, refusal });
    const held = await pool.acquire();
    await expect(pool.acquire()).rejects.toThrow('timeout');
    const controller = new AbortController();
    const aborted = pool.acquire(() => controller.signal);
    controller.abort(new Error('client gone'));
    await expect(aborted).rejects.toThrow('client gone');
    expect(pool.queued).toBe(0);
    const stopped = new AbortController();
    stopped.abort(new Error('deadline passed'));
    await expect(pool.acquire(() => stopped.signal)).rejects.toThrow('deadline passed');
    expect(pool.queued).toBe(0);
    held();
    expect(pool.active).toBe(0);
  });
});
