import { badInput } from '../errors';
import { isEntityType, type EntityType } from '../model';

/** One reconciliation query after validation. */
export interface ReconcileQuery {
  key: string;
  query: string;
  /** The entity types asked for; every type when the query names none. */
  types: EntityType[];
  limit: number;
  /** Property constraints: `relatedTo` (an entity id: context) or a stored property compared without case. */
  properties: Array<{ pid: string; v: string }>;
}

/** Longest query text accepted: names, not documents. */
const MAX_QUERY_LENGTH = 300;

/**
 * Validates the `queries` parameter of a reconciliation request (a JSON
 * object of query objects, v0.2): every problem is a BAD_USER_INPUT that
 * names the query key and the value. At most `maxQueries` queries, each
 * with a limit of at most `maxLimit` candidates (default 5).
 */
export function parseQueries(raw: unknown, maxQueries: number, maxLimit: number): ReconcileQuery[] {
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw badInput('queries: expected a JSON object of queries, such as {"q0":{"query":"Putin"}}; the value is not JSON.', { argument: 'queries' });
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badInput('queries: expected a JSON object of queries keyed by id, such as {"q0":{"query":"Putin"}}.', { argument: 'queries' });
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length > maxQueries)
    throw badInput(`queries: at most ${maxQueries} queries per request, got ${entries.length}.`, { argument: 'queries', max: maxQueries });
  return entries.map(([key, value]) => parseOne(key, value, maxLimit));
}

function parseOne(key: string, value: unknown, maxLimit: number): ReconcileQuery {
  const at = `queries.${key}`;
  if (!value || typeof value !== 'object') throw badInput(`${at}: expected a query object with a "query" string.`, { argument: at });
  const q = value as Record<string, unknown>;
  if (typeof q.query !== 'string' || !q.query.trim())
    throw badInput(`${at}.query: expected a non-empty string, got ${JSON.stringify(q.query)}.`, { argument: `${at}.query` });
  if (q.query.length > MAX_QUERY_LENGTH)
    throw badInput(`${at}.query: at most ${MAX_QUERY_LENGTH} characters, got ${q.query.length}.`, { argument: `${at}.query` });
  const rawTypes = q.type === undefined ? [] : Array.isArray(q.type) ? q.type : [q.type];
  const types = rawTypes.map((t) => {
    const name = typeof t === 'string' ? t : (t as { id?: unknown })?.id;
    const match = typeof name === 'string' ? name.charAt(0).toUpperCase() + name.slice(1).toLowerCase() : '';
    if (!isEntityType(match))
      throw badInput(`${at}.type: "${String(name)}" is not an entity type; the manifest's defaultTypes lists them.`, { argument: `${at}.type` });
    return match;
  });
  const limit = q.limit === undefined ? 5 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw badInput(`${at}.limit: expected a whole number from 1 to ${maxLimit}, got ${JSON.stringify(q.limit)}.`, { argument: `${at}.limit` });
  const properties = q.properties === undefined ? [] : q.properties;
  if (!Array.isArray(properties) || properties.length > 10)
    throw badInput(`${at}.properties: expected a list of at most 10 {pid, v}.`, { argument: `${at}.properties` });
  return {
    key,
    query: q.query.trim(),
    types,
    limit,
    properties: properties.map((p, i) => {
      const pid = (p as { pid?: unknown })?.pid;
      const v = (p as { v?: unknown })?.v;
      const text = typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v;
      if (typeof pid !== 'string' || !/^[a-zA-Z][A-Za-z0-9]*$/.test(pid) || (typeof text !== 'string' && typeof text !== 'number')) {
        throw badInput(`${at}.properties[${i}]: expected {"pid": "<property>", "v": "<value>"}, got ${JSON.stringify(p)}.`, {
          argument: `${at}.properties`,
        });
      }
      return { pid, v: String(text) };
    }),
  };
}
