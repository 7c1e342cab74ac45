import { hashApiKey } from '../../src/auth';

/** API keys the analyst tests send, one per role, and a key that is not configured. */
export const KEYS = {
  reader: 'test-reader-key-4b1d0c',
  analyst: 'test-analyst-key-9f27e1',
  editor: 'test-editor-key-5e8a20',
  admin: 'test-admin-key-c03a55',
  unknown: 'test-unknown-key-000000',
} as const;

/** The API_KEYS value that configures KEYS (digests only, as in production). */
export const API_KEYS = [
  `test-reader:reader:${hashApiKey(KEYS.reader)}`,
  `test-analyst:analyst:${hashApiKey(KEYS.analyst)}`,
  `test-editor:editor:${hashApiKey(KEYS.editor)}`,
  `test-admin:admin:${hashApiKey(KEYS.admin)}`,
].join(',');

/** Headers that send `key` as a bearer token. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export const CYPHER = `query Cypher($query: String!, $params: JSON, $limit: Int, $timeoutMs: Int) {
  cypher(query: $query, params: $params, limit: $limit, timeoutMs: $timeoutMs) {
    columns rows truncated
    summary { queryType database rowCount resultAvailableAfterMs resultConsumedAfterMs totalMs timeoutMs rowLimit
      notifications { code title description severity category position { line column offset } } }
  }
}`;
