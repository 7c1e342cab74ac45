import { withoutStackTrace } from '../../src/db/withoutStackTrace';

describe('withoutStackTrace', () => {
  it('captures no frames inside and restores the limit after a return', () => {
    const before = Error.stackTraceLimit;
    const inside = withoutStackTrace(() => new Error('inside'));
    expect(inside.stack).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });

  it('restores the limit when the call throws', () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutStackTrace(() => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
