import { PerOperation } from '../../src/compile';

describe('PerOperation', () => {
  it('works a value out once per node and key', () => {
    const kept = new PerOperation<object, string>();
    const [a, b] = [{}, {}];
    let computed = 0;
    const value = (text: string) => () => {
      computed += 1;
      return text;
    };
    expect(kept.get(a, '{}', value('a'))).toBe('a');
    expect(kept.get(a, '{}', value('not again'))).toBe('a');
    expect(kept.get(a, '{"first":2}', value('a2'))).toBe('a2');
    expect(kept.get(b, '{}', value('b'))).toBe('b');
    expect(computed).toBe(3);
  });

  it('keeps at most its number of keys per node, dropping the oldest', () => {
    const kept = new PerOperation<object, number>(2);
    const node = {};
    kept.get(node, 'one', () => 1);
    kept.get(node, 'two', () => 2);
    kept.get(node, 'three', () => 3);
    expect(kept.get(node, 'one', () => 10)).toBe(10);
    expect(kept.get(node, 'three', () => 30)).toBe(3);
  });

  it('keeps nothing when the work throws', () => {
    const kept = new PerOperation<object, number>();
    const node = {};
    expect(() =>
      kept.get(node, 'bad', () => {
        throw new Error('bad argument');
      }),
    ).toThrow('bad argument');
    expect(kept.get(node, 'bad', () => 1)).toBe(1);
  });
});
