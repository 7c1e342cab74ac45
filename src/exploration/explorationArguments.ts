import { badInput } from '../errors';
import { ENTITY_TYPES, RELATION_TYPES, isRelationType, type EntityType } from '../model';

/** The shape of a relationship type name (docs/model.md). */
const RELATION_TYPE_SHAPE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Returns `value` (or `fallback` when the client left it out or sent null),
 * after checking that it lies in [min, max]. The error names the argument,
 * the value and the allowed range.
 */
export function intArgument(argument: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const actual = value ?? fallback;
  if (!Number.isInteger(actual) || actual < min || actual > max) {
    throw badInput(`${argument}: expected a whole number from ${min} to ${max}, got ${actual}.`, {
      argument,
      value: actual,
      min,
      max,
    });
  }
  return actual;
}

/**
 * Checks a `relationTypes` argument: each name must look like a relationship
 * type and be one of the model's RELATION_TYPES (src/model). The allow-list
 * is the model's, not the database's, so the check costs no round-trip and
 * a misspelt type is reported instead of quietly matching nothing.
 * Returns null (any type) when the argument was left out; duplicates are dropped.
 */
export function relationTypesArgument(value: readonly string[] | null | undefined, argument = 'relationTypes'): string[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) {
    throw badInput(`${argument}: expected at least one relation type, or leave the argument out for any type.`, { argument, value });
  }
  for (const type of value) {
    if (!RELATION_TYPE_SHAPE.test(type)) {
      throw badInput(`${argument}: "${type}" is not a relation type name; expected UPPER_SNAKE_CASE such as ENVOY_OF.`, {
        argument,
        value: type,
      });
    }
    if (!isRelationType(type)) {
      throw badInput(`${argument}: unknown relation type "${type}"; expected one of ${RELATION_TYPES.join(', ')}.`, {
        argument,
        value: type,
        allowed: RELATION_TYPES,
      });
    }
  }
  return [...new Set(value)];
}

/**
 * Turns an `labels: [EntityType!]` argument (PERSON, SOURCE, ...) into node
 * labels (Person, Source, ...). GraphQL has already checked the enum values.
 * Returns null (any label) when the argument was left out.
 */
export function labelsArgument(value: readonly string[] | null | undefined, argument = 'labels'): EntityType[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) {
    throw badInput(`${argument}: expected at least one entity type, or leave the argument out for any type.`, { argument, value });
  }
  return [...new Set(value)].map((name) => {
    const label = ENTITY_TYPES.find((type) => type.toUpperCase() === name);
    if (!label) throw badInput(`${argument}: unknown entity type "${name}".`, { argument, value: name });
    return label;
  });
}

/**
 * Checks a list of ids: at least `min` and at most `max` of them. Returns
 * them without duplicates, in the order given.
 */
export function idsArgument(argument: string, value: readonly string[] | null | undefined, min: number, max: number): string[] {
  const ids = [...new Set(value ?? [])];
  if (ids.length < min || ids.length > max) {
    throw badInput(`${argument}: expected from ${min} to ${max} distinct ids, got ${ids.length}.`, {
      argument,
      count: ids.length,
      min,
      max,
    });
  }
  return ids;
}
