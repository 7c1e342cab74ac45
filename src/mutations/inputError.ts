import type { z } from 'zod';
import { badInput, type AppError } from '../errors';

/** One wrong input field: its path as the client wrote it (`input.quote`) and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * One BAD_USER_INPUT for every problem of a mutation's input: the message
 * names each field and says what was wrong; extensions carry `field` (the
 * first) and `problems` (all), so a client can mark every field at once.
 */
export function inputError(problems: readonly FieldProblem[]): AppError {
  const text = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return badInput(`Invalid input: ${text}.`, { field: problems[0]?.field, problems });
}

/**
 * The zod issues of the seed format's schemas (src/ingest), reported at the
 * input fields they came from: `rename` maps a schema path (`['properties',
 * 'role']`) to the field path the client used (`input.properties.role`).
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], rename: (path: readonly PropertyKey[]) => string): FieldProblem[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        field: rename(issue.path),
        message: `unknown propert${issue.keys.length === 1 ? 'y' : 'ies'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`,
      };
    }
    return { field: rename(issue.path), message: issue.message };
  });
}

/** Optional GraphQL input values arrive as null; the seed schemas expect them absent. */
export function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** A JSON argument that must be an object of properties; anything else is a problem of `field`. */
export function propertiesOf(value: unknown, field: string, problems: FieldProblem[]): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ field, message: `expected an object of properties, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}` });
    return {};
  }
  return value as Record<string, unknown>;
}
