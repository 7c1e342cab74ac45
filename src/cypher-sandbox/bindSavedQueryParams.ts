import neo4j from 'neo4j-driver';
import { badInput } from '../errors';
import type { SavedQuery, SavedQueryParameter } from './SavedQuery';

/**
 * Checks the caller's `params` against a saved query's declarations and
 * returns driver parameters: every declared parameter present (its value,
 * its default, or null), nothing else. An unknown name, a missing required
 * parameter or a value of the wrong type is BAD_USER_INPUT naming the
 * parameter. `int` values become Cypher INTEGERs, `float` values FLOATs even
 * when whole.
 */
export function bindSavedQueryParams(query: SavedQuery, params: unknown): Record<string, unknown> {
  if (params !== null && params !== undefined && (typeof params !== 'object' || Array.isArray(params))) {
    throw badInput(`params must be a JSON object of parameter values for saved query "${query.name}".`, { argument: 'params' });
  }
  const given = (params ?? {}) as Record<string, unknown>;
  const declared = new Map(query.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      const known = query.parameters.map((p) => p.name).join(', ') || 'none';
      throw badInput(`Unknown parameter "${name}" for saved query "${query.name}" (declared: ${known}).`, {
        argument: 'params',
        parameter: name,
      });
    }
  }
  const bound: Record<string, unknown> = {};
  for (const parameter of query.parameters) {
    const value = given[parameter.name];
    if (value === undefined || value === null) {
      if (parameter.required) {
        throw badInput(`Missing required parameter "${parameter.name}" (${describeType(parameter)}) for saved query "${query.name}".`, {
          argument: 'params',
          parameter: parameter.name,
        });
      }
      bound[parameter.name] = parameter.default === null ? null : convert(parameter, parameter.default);
      continue;
    }
    const problem = typeProblem(parameter, value);
    if (problem) {
      throw badInput(`Parameter "${parameter.name}" of saved query "${query.name}" ${problem}.`, {
        argument: 'params',
        parameter: parameter.name,
        expected: describeType(parameter),
      });
    }
    bound[parameter.name] = convert(parameter, value);
  }
  return bound;
}

/** Why `value` does not fit the declaration, or undefined when it does. */
export function typeProblem(parameter: Pick<SavedQueryParameter, 'type' | 'items'>, value: unknown): string | undefined {
  if (parameter.type === 'list') {
    if (!Array.isArray(value)) return `must be a list, got ${jsonType(value)}`;
    if (parameter.items) {
      const index = value.findIndex((item) => !fitsScalar(parameter.items!, item));
      if (index !== -1) return `must be a list of ${parameter.items}, but item ${index} is ${jsonType(value[index])}`;
    }
    return undefined;
  }
  return fitsScalar(parameter.type, value) ? undefined : `must be ${article(parameter.type)}, got ${jsonType(value)}`;
}

function fitsScalar(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

function convert(parameter: Pick<SavedQueryParameter, 'type' | 'items'>, value: unknown): unknown {
  if (parameter.type === 'int') return neo4j.int(value as number);
  if (parameter.type === 'list' && parameter.items === 'int') return (value as number[]).map((v) => neo4j.int(v));
  return value;
}

function describeType(parameter: Pick<SavedQueryParameter, 'type' | 'items'>): string {
  return parameter.type === 'list' && parameter.items ? `list of ${parameter.items}` : parameter.type;
}

function article(type: string): string {
  return type === 'int' ? 'an int (a whole number)' : `a ${type}`;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
