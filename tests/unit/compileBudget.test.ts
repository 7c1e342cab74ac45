import { parse } from 'graphql';
import { CompileBudget } from '../../src/execution/CompileBudget';
import { CompiledOperations } from '../../src/execution/CompiledOperations';
import { buildSchema } from '../../src/schema';

/** A clock the test moves by hand. */
function clock() {
  const c = { t: 0, now: () => c.t };
  return c;
}

describe('CompileBudget', () => {
  it('holds at most its rate, and lends a compile that runs over until time has paid it back', () => {
    const c = clock();
    const budget = new CompileBudget(50, c.now);
    expect(budget.available()).toBe(true);
    // A compile that takes 80 ms leaves the balance at -30 ms.
    budget.spend(() => (c.t += 80));
    expect(budget.available()).toBe(false);
    c.t += 500; // +25 ms
    expect(budget.available()).toBe(false);
    c.t += 200; // +10 ms
    expect(budget.available()).toBe(true);
    // Idle for a minute, it still holds one second's worth: 50 ms, so a 60 ms compile overdraws it again.
    c.t += 60_000;
    budget.spend(() => (c.t += 60));
    expect(budget.available()).toBe(false);
  });

  it('takes the time of a compile that throws', () => {
    const c = clock();
    const budget = new CompileBudget(10, c.now);
    expect(() =>
      budget.spend(() => {
        c.t += 20;
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(budget.available()).toBe(false);
  });
});

describe('CompiledOperations', () => {
  const schema = buildSchema();
  const document = parse('{ persons(first: 2) { edges { node { id } } } }');

  it('runs an operation in graphql-js while the compile budget is spent, and compiles it on a use after', () => {
    let left = false;
    const budget = { available: () => left, spend: <T>(compile: () => T) => compile() } as unknown as CompileBudget;
    const operations = new CompiledOperations(schema, 2, budget);
    expect(operations.get(document, null)).toBeUndefined();
    expect(operations.get(document, null)).toBeUndefined();
    expect(operations.get(document, null)).toBeUndefined();
    left = true;
    const compiled = operations.get(document, null);
    expect(typeof compiled?.query).toBe('function');
    left = false;
    expect(operations.get(document, null)).toBe(compiled);
  });
});
