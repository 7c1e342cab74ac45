import { AppError } from '../../src/errors';
import { idsArgument, intArgument, labelsArgument, relationTypesArgument } from '../../src/exploration/explorationArguments';

/** Runs `fn`, expecting an AppError; returns its message and extensions. */
function failure(fn: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { message: (error as AppError).message, extensions: (error as AppError).extensions as Record<string, unknown> };
  }
  throw new Error('expected an error');
}

describe('exploration arguments', () => {
  it('takes the fallback for a missing or null integer, and checks the range', () => {
    expect(intArgument('depth', undefined, 1, 1, 3)).toBe(1);
    expect(intArgument('depth', null, 2, 1, 3)).toBe(2);
    expect(intArgument('depth', 3, 1, 1, 3)).toBe(3);
    expect(failure(() => intArgument('depth', 4, 1, 1, 3))).toEqual({
      message: 'depth: expected a whole number from 1 to 3, got 4.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'depth', value: 4, min: 1, max: 3 },
    });
    expect(failure(() => intArgument('limit', 0, 100, 1, 500)).extensions).toMatchObject({ argument: 'limit', value: 0 });
  });

  it('accepts known relation types, drops duplicates, and refuses bad shapes and unknown names', () => {
    expect(relationTypesArgument(undefined)).toBeNull();
    expect(relationTypesArgument(null)).toBeNull();
    expect(relationTypesArgument(['ENVOY_OF', 'PROPOSED', 'ENVOY_OF'])).toEqual(['ENVOY_OF', 'PROPOSED']);
    expect(failure(() => relationTypesArgument([])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes' });
    const shape = failure(() => relationTypesArgument(['envoy_of']));
    expect(shape.extensions).toMatchObject({ argument: 'relationTypes', value: 'envoy_of' });
    expect(shape.message).toContain('UPPER_SNAKE_CASE');
    const injection = failure(() => relationTypesArgument(['ENVOY_OF]->() DETACH DELETE (n']));
    expect(injection.extensions).toMatchObject({ argument: 'relationTypes' });
    const unknown = failure(() => relationTypesArgument(['KNOWS']));
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes', value: 'KNOWS' });
    expect(unknown.message).toContain('expected one of HOLDS_OFFICE');
  });

  it('maps EntityType values to node labels', () => {
    expect(labelsArgument(undefined)).toBeNull();
    expect(labelsArgument(['PERSON', 'SOURCE', 'PERSON'])).toEqual(['Person', 'Source']);
    expect(failure(() => labelsArgument([])).extensions).toMatchObject({ argument: 'labels' });
  });

  it('counts distinct ids against the range', () => {
    expect(idsArgument('ids', ['a', 'b', 'a'], 1, 2)).toEqual(['a', 'b']);
    expect(failure(() => idsArgument('ids', [], 1, 2)).extensions).toMatchObject({ argument: 'ids', count: 0, min: 1, max: 2 });
    expect(failure(() => idsArgument('ids', ['a', 'b', 'c'], 1, 2)).message).toBe('ids: expected from 1 to 2 distinct ids, got 3.');
  });
});
