import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANONYMOUS, authenticate, hashApiKey, hasRole, parseApiKeys, requireRole, type ApiKey } from '../../src/auth';
import { ConfigError, loadConfig } from '../../src/config';

const digest = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const KEYS: ApiKey[] = [
  { name: 'ana', role: 'analyst', sha256: digest('analyst-secret') },
  { name: 'root', role: 'admin', sha256: digest('admin-secret') },
  { name: 'pub', role: 'reader', sha256: digest('reader-secret') },
];

function failure(run: () => unknown): { code?: string; status?: number; message: string } {
  try {
    run();
  } catch (error) {
    const extensions = (error as { extensions: { code?: string; http?: { status?: number } } }).extensions;
    return { code: extensions.code, status: extensions.http?.status, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

describe('hashApiKey', () => {
  it('is the hex SHA-256 of the key', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('authenticate', () => {
  it('makes a request without a key the anonymous reader', () => {
    expect(authenticate(undefined, KEYS)).toBe(ANONYMOUS);
    expect(ANONYMOUS.role).toBe('reader');
  });
  it('gives a known key its role and name', () => {
    expect(authenticate('Bearer analyst-secret', KEYS)).toEqual({ role: 'analyst', keyName: 'ana' });
    expect(authenticate('bearer   admin-secret ', KEYS)).toEqual({ role: 'admin', keyName: 'root' });
    expect(authenticate('Bearer reader-secret', KEYS)).toEqual({ role: 'reader', keyName: 'pub' });
  });
  it.each([
    ['an unknown key', 'Bearer guess'],
    ['a key differing in one character', 'Bearer analyst-secreT'],
    ['a key prefix', 'Bearer analyst-'],
    ['another scheme', 'Basic YW5hOmFuYWx5c3Qtc2VjcmV0'],
    ['an empty bearer', 'Bearer '],
    ['two tokens', 'Bearer analyst-secret extra'],
    ['an empty header', ''],
    ['an oversized key', `Bearer ${'x'.repeat(10_000)}`],
  ])('rejects %s with UNAUTHENTICATED and HTTP 401', (_name, header) => {
    const { code, status, message } = failure(() => authenticate(header, KEYS));
    expect(code).toBe('UNAUTHENTICATED');
    expect(status).toBe(401);
    expect(message).not.toContain('analyst-secret');
  });
  it('rejects every key when none is configured', () => {
    expect(failure(() => authenticate('Bearer analyst-secret', [])).code).toBe('UNAUTHENTICATED');
  });
  it('compares fixed-length digests in constant time', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      authenticate('Bearer admin-secret', KEYS);
      // Every configured key is compared, not only those before the match.
      expect(spy).toHaveBeenCalledTimes(KEYS.length);
      for (const [a, b] of spy.mock.calls) {
        expect((a as Buffer).length).toBe(32);
        expect((b as Buffer).length).toBe(32);
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('requireRole and hasRole', () => {
  it('orders the roles reader < analyst < admin', () => {
    expect(hasRole({ role: 'reader' }, 'reader')).toBe(true);
    expect(hasRole({ role: 'reader' }, 'analyst')).toBe(false);
    expect(hasRole({ role: 'analyst' }, 'analyst')).toBe(true);
    expect(hasRole({ role: 'analyst' }, 'admin')).toBe(false);
    expect(hasRole({ role: 'admin' }, 'analyst')).toBe(true);
    expect(hasRole({ role: 'editor' }, 'analyst')).toBe(true);
    expect(hasRole({ role: 'editor' }, 'editor')).toBe(true);
    expect(hasRole({ role: 'analyst' }, 'editor')).toBe(false);
    expect(hasRole({ role: 'editor' }, 'admin')).toBe(false);
  });
  it('throws FORBIDDEN naming the action and the roles', () => {
    const { code, message } = failure(() => requireRole({ role: 'reader' }, 'analyst', 'cypher'));
    expect(code).toBe('FORBIDDEN');
    expect(message).toBe('cypher needs the analyst role; this request has the reader role.');
    expect(() => requireRole({ role: 'admin' }, 'admin')).not.toThrow();
  });
});

describe('parseApiKeys', () => {
  const d = digest('k');
  it('reads name:role:sha256 entries separated by commas and lines, skipping comments', () => {
    const { keys, problems } = parseApiKeys([
      { text: `a:reader:${d}, b:analyst:${digest('l').toUpperCase()}`, origin: 'API_KEYS' },
      { text: `# keys of the operators\n\nc:admin:${digest('m')}  # on call\n`, origin: 'API_KEYS_FILE' },
    ]);
    expect(problems).toEqual([]);
    expect(keys.map((k) => [k.name, k.role])).toEqual([
      ['a', 'reader'],
      ['b', 'analyst'],
      ['c', 'admin'],
    ]);
    expect(keys[1].sha256).toBe(digest('l'));
  });
  it('reports every bad entry with where it came from, never the digest', () => {
    const { problems } = parseApiKeys([
      { text: `a:boss:${d},b:reader:1234,c:reader,bad name!:reader:${digest('x')},ok:reader:${d}`, origin: 'API_KEYS' },
      { text: `ok:reader:${digest('y')}\nz:reader:${d}`, origin: 'API_KEYS_FILE="/keys"' },
    ]);
    expect(problems).toEqual([
      'API_KEYS entry 1 (a): role "boss" must be one of reader, analyst, editor, admin',
      "API_KEYS entry 2 (b): expected the key's SHA-256 as 64 hex characters (npm run apikey -- hash <key>), got 4 characters",
      "API_KEYS entry 3: expected name:role:sha256hex, got 2 part(s) separated by ':'",
      `API_KEYS entry 4: name "bad name!" must be 1-64 letters, digits, '.', '_' or '-'`,
      'API_KEYS_FILE="/keys" entry 1: the name "ok" is used twice',
      'API_KEYS_FILE="/keys" entry 2 (z): the same key digest is configured twice',
    ]);
    expect(problems.join('\n')).not.toContain(d);
  });
});

describe('loadConfig: API keys and analyst limits', () => {
  it('has no keys and the documented analyst defaults by default', () => {
    const config = loadConfig({});
    expect(config.auth.apiKeys).toEqual([]);
    expect(config.cypher).toMatchObject({
      defaultTimeoutMs: 5_000,
      maxTimeoutMs: 30_000,
      defaultRowLimit: 1_000,
      maxRowLimit: 10_000,
      maxConcurrent: 2,
      maxQueued: 4,
      savedQueriesDir: expect.stringMatching(/queries$/),
    });
  });
  it('reads keys from API_KEYS and API_KEYS_FILE together', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-keys-')), 'keys');
    fs.writeFileSync(file, `# operators\nroot:admin:${digest('admin-secret')}\n`);
    try {
      const config = loadConfig({ API_KEYS: `ana:analyst:${digest('analyst-secret')}`, API_KEYS_FILE: file });
      expect(config.auth.apiKeys.map((k) => k.name)).toEqual(['ana', 'root']);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
  it('fails fast on a missing key file and bad entries, listing them together', () => {
    let error: unknown;
    try {
      loadConfig({ API_KEYS: 'ana:boss:00', API_KEYS_FILE: '/nonexistent/keys', CYPHER_ROW_LIMIT: '500', CYPHER_MAX_ROW_LIMIT: '100' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('API_KEYS_FILE="/nonexistent/keys": cannot read it (ENOENT)');
    expect(message).toContain('API_KEYS entry 1 (ana): role "boss"');
    expect(message).toContain('CYPHER_ROW_LIMIT=500: expected at most CYPHER_MAX_ROW_LIMIT (100)');
  });
  it('refuses a default timeout above the maximum', () => {
    expect(() => loadConfig({ CYPHER_TIMEOUT_MS: '60000', CYPHER_MAX_TIMEOUT_MS: '10000' })).toThrow(/CYPHER_TIMEOUT_MS=60000/);
  });
});
