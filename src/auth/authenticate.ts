import crypto from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { AppError, ErrorCode } from '../errors';
import type { ApiKey } from './parseApiKeys';
import { ANONYMOUS, type Viewer } from './Viewer';

/** Longer keys are refused before hashing; real keys are well under this. */
const MAX_KEY_LENGTH = 512;

/**
 * Resolves the Authorization header of a request to a viewer. No header:
 * the anonymous reader. `Bearer <key>` with a configured key: that key's
 * role. Anything else (another scheme, an unknown key): UNAUTHENTICATED
 * with HTTP 401, so a typo in a key never silently downgrades to reader.
 *
 * The presented key is hashed and compared with every configured digest
 * using crypto.timingSafeEqual on fixed-length (32-byte) digests, without
 * stopping at the first match, so the response time says nothing about how
 * much of a key was right or which entry matched.
 */
export function authenticate(authorization: string | undefined, keys: readonly ApiKey[]): Viewer {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (!match) throw rejected('expected "Authorization: Bearer <api key>"');
  const key = match[1];
  if (key.length > MAX_KEY_LENGTH) throw rejected('the API key is not recognised');
  const digest = crypto.createHash('sha256').update(key, 'utf8').digest();
  let found: ApiKey | undefined;
  for (const candidate of keys) {
    const stored = Buffer.from(candidate.sha256, 'hex');
    if (crypto.timingSafeEqual(digest, stored) && found === undefined) found = candidate;
  }
  if (!found) throw rejected('the API key is not recognised');
  return { role: found.role, keyName: found.name };
}

function rejected(reason: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, `Authentication failed: ${reason}. Send no Authorization header to read as an anonymous reader.`, {
    // Apollo turns extensions.http into the HTTP status and headers, then removes it.
    http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="diplograph"']]) },
  });
}
