import { ROLES, type Role } from './Viewer';

/** One configured API key: a name for logs, the role it grants, and the SHA-256 of the key. */
export interface ApiKey {
  name: string;
  role: Role;
  /** Lowercase hex SHA-256 of the key (64 characters); the key itself is never stored. */
  sha256: string;
}

/** The result of parsing: the keys, and one message per bad entry. */
export interface ParsedApiKeys {
  keys: ApiKey[];
  problems: string[];
}

const NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Where entries come from: their text and a name for messages (API_KEYS, API_KEYS_FILE="..."). */
export interface ApiKeySource {
  text: string;
  origin: string;
}

/**
 * Parses API key entries written `name:role:sha256hex`, separated by commas
 * or new lines (the API_KEYS variable and the API_KEYS_FILE file use the
 * same form); blank lines and `#` comments are ignored. Every bad entry is
 * reported, naming where it came from, so one start shows all mistakes;
 * digests are never echoed. Names and digests must be unique across sources.
 */
export function parseApiKeys(sources: readonly ApiKeySource[]): ParsedApiKeys {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  for (const { text, origin } of sources) {
    const entries = text
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, ''))
      .flatMap((line) => line.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    entries.forEach((entry, index) => {
      const where = `${origin} entry ${index + 1}`;
      const parts = entry.split(':').map((part) => part.trim());
      if (parts.length !== 3) {
        problems.push(`${where}: expected name:role:sha256hex, got ${parts.length} part(s) separated by ':'`);
        return;
      }
      const [name, role, sha256] = parts;
      const before = problems.length;
      if (!NAME.test(name)) problems.push(`${where}: name ${JSON.stringify(name)} must be 1-64 letters, digits, '.', '_' or '-'`);
      if (!(ROLES as readonly string[]).includes(role)) {
        problems.push(`${where} (${name}): role ${JSON.stringify(role)} must be one of ${ROLES.join(', ')}`);
      }
      if (!SHA256_HEX.test(sha256)) {
        problems.push(
          `${where} (${name}): expected the key's SHA-256 as 64 hex characters (npm run apikey -- hash <key>), got ${sha256.length} characters`,
        );
      }
      if (keys.some((k) => k.name === name)) problems.push(`${where}: the name ${JSON.stringify(name)} is used twice`);
      if (keys.some((k) => k.sha256 === sha256.toLowerCase())) problems.push(`${where} (${name}): the same key digest is configured twice`);
      if (problems.length === before) keys.push({ name, role: role as Role, sha256: sha256.toLowerCase() });
    });
  }
  return { keys, problems };
}
