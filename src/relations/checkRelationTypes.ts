import { badInput } from '../errors';
import { RELATION_TYPES, isRelationType } from '../model';

/**
 * Checks relationship type names a client sent against the model's
 * allow-list (src/model/relationTypes.ts). An unknown name is a
 * BAD_USER_INPUT that names the argument, the value and the known types,
 * rather than an empty result that looks like "no such relationships".
 *
 * @returns the types, or null when none were given (meaning: any type)
 */
export function checkRelationTypes(types: readonly string[] | null | undefined, argument: string): string[] | null {
  if (types === null || types === undefined) return null;
  for (const type of types) {
    if (!isRelationType(type)) {
      throw badInput(`${argument}: "${type}" is not a relationship type; expected one of ${RELATION_TYPES.join(', ')}.`, {
        argument,
        value: type,
      });
    }
  }
  return [...new Set(types)];
}
