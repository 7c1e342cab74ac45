import type { Db } from '../db';
import { isEntityType } from '../model';
import { badInput } from '../errors';

/** ValueProperty → stored property name: the only names that reach the query text. */
const PROPERTIES = { KIND: 'kind', MEASURE: 'measure', FORMAT: 'format', UNIT: 'unit', STATUS: 'status' } as const;

/** Distinct values of one property on one label, most frequent first; the label is checked against the allow-list and passed as a parameter. */
export const LIST_VALUES = `
MATCH (n:$($label))
WHERE n[$property] IS NOT NULL
RETURN n[$property] AS value, count(*) AS count
ORDER BY count DESC, value
LIMIT toInteger($max)`;

/** Lists the values a free-text property takes (Query.values). */
export async function listValues(db: Db, type: string, property: keyof typeof PROPERTIES, max: number): Promise<Array<{ value: string; count: number }>> {
  const label = type.charAt(0) + type.slice(1).toLowerCase();
  if (!isEntityType(label)) throw badInput(`type: "${type}" is not an entity type.`, { argument: 'type' });
  const rows = await db.read<{ value: unknown; count: number }>('listValues', LIST_VALUES, { label, property: PROPERTIES[property], max });
  return rows.map((row) => ({ value: String(row.value), count: Number(row.count) }));
}
