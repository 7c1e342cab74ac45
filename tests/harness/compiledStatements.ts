import { execute, parse } from 'graphql';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db';
import { createLoaders } from '../../src/loaders';
import { buildSchema } from '../../src/schema';

/** One statement a query sent: its name, text and parameters. */
export interface SentStatement {
  name: string;
  text: string;
  params: Record<string, unknown>;
}

const schema = buildSchema();
const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });

/**
 * The statements the compiled read path sends for an operation, without a
 * database: the operation runs through the real schema and resolvers over
 * an executor that records each statement and answers with no rows. Root
 * fields are compiled whole before any row comes back, so this is every
 * statement of a query whose entities all come from its root fields.
 */
export async function compiledStatements(query: string, variables: Record<string, unknown> = {}): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const db = {
    async read(name: string, text: string, params: Record<string, unknown> = {}) {
      sent.push({ name, text, params });
      return [];
    },
  } as unknown as Db;
  const contextValue = { db, loaders: createLoaders(db), config, viewer: { role: 'reader' }, requestId: 'test' };
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return sent;
}
