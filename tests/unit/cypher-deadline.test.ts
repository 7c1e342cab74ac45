import { checkRanges } from '../../src/cypher-sandbox/checkRanges';
import { runWithDeadline } from '../../src/cypher-sandbox/runWithDeadline';
import { AppError } from '../../src/errors';

describe('checkRanges', () => {
  const refused = (query: string, params: Record<string, unknown> = {}) => {
    try {
      checkRanges(query, params, 100_000);
      return undefined;
    } catch (error) {
      return (error as AppError).extensions;
    }
  };

  it('allows any range that is the whole expression of an UNWIND', () => {
    expect(refused('UNWIND range(1, 10000000000) AS x RETURN sum(x)')).toBeUndefined();
    expect(refused('UNWIND range(1, toInteger($n)) AS x RETURN x', { n: 5 })).toBeUndefined();
  });

  it('refuses large or unknown ranges inside expressions, and multiplies nested ones', () => {
    expect(refused("RETURN reduce(s = '', x IN range(1, 100000000) | s + 'x')")).toMatchObject({ code: 'FORBIDDEN', refused: 'range' });
    expect(refused('UNWIND range(1, 10) + range(1, 1000000) AS x RETURN x')).toMatchObject({ refused: 'range' });
    expect(refused('RETURN [x IN range(1, toInteger("9")) | x]')).toMatchObject({ refused: 'range' });
    expect(refused('RETURN [x IN range(1, $n) | x]', { n: 1_000_000 })).toMatchObject({ refused: 'range' });
    expect(refused('RETURN [a IN range(1, 1000) | [b IN range(1, 1000) | b]]')).toMatchObject({ refused: 'range' });
    expect(refused('RETURN [x IN range(1, 10, 0) | x]')).toMatchObject({ refused: 'range' });
    expect(refused('RETURN [x IN range(0x1, 0xFFFFFFF) | x]')).toMatchObject({ refused: 'range' });
  });

  it('allows small literal, parameter and sized ranges, and ignores strings, comments and properties', () => {
    expect(refused('RETURN [x IN range(1, 1000) | x], reduce(n = 0, x IN range(-5, 5, 2) | n + x)')).toBeUndefined();
    expect(refused('RETURN [x IN range(1, $n) | x]', { n: 50_000 })).toBeUndefined();
    expect(refused('WITH [1, 2] AS l RETURN [i IN range(0, size(l) - 1) | l[i]]')).toBeUndefined();
    expect(refused("RETURN 'range(1, 100000000000)' AS s // range(1, 1e12)")).toBeUndefined();
    expect(refused('MATCH (n) RETURN n.range')).toBeUndefined();
  });
});

describe('runWithDeadline', () => {
  it('answers TIMEOUT at the deadline, aborts the work and calls onExpired, even when the work never settles', async () => {
    let aborted = false;
    let expired = 0;
    const started = Date.now();
    const result = runWithDeadline(
      Date.now() + 100,
      100,
      (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise<never>(() => undefined);
      },
      () => (expired += 1),
    );
    await expect(result).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(aborted).toBe(true);
    expect(expired).toBe(1);
  });

  it('returns the work’s result before the deadline and never calls onExpired', async () => {
    let expired = 0;
    await expect(
      runWithDeadline(
        Date.now() + 1_000,
        1_000,
        async () => 42,
        () => (expired += 1),
      ),
    ).resolves.toBe(42);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(expired).toBe(0);
  });
});
