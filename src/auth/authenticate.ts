import crypto from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { AppError, ErrorCode } from '../errors';
import type { ApiKey } from './parseApiKeys';
import { JwtRejected, type JwtVerifier } from './verifyJwt';
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
  if (!match) throw rejected('expected "Authorization: Bearer <api key or token>"');
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

/** A compact JWS: three base64url parts. API keys (base64url, no dots) never look like one. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** What a request may authenticate with: API keys, and a JWT verifier when JWT_* is configured. */
export interface Credentials {
  apiKeys: readonly ApiKey[];
  jwt?: JwtVerifier;
}

/**
 * Resolves the Authorization header to a viewer, accepting API keys and,
 * when configured, bearer JWTs beside them: a bearer value shaped like a
 * JWT is verified as one (and never compared with the keys), anything else
 * is an API key (see authenticate). A token that does not verify is
 * UNAUTHENTICATED with the reason, as an unknown key is.
 */
export async function authenticateRequest(authorization: string | undefined, credentials: Credentials): Promise<Viewer> {
  const match = authorization === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  const token = match?.[1];
  if (credentials.jwt && token !== undefined && token.length <= MAX_TOKEN_LENGTH && JWT_SHAPE.test(token)) {
    try {
      return await credentials.jwt(token);
    } catch (error) {
      if (error instanceof JwtRejected) throw rejected(error.message);
      throw error;
    }
  }
  return authenticate(authorization, credentials.apiKeys);
}

/** Tokens carry claims, so they may be longer than keys; still bounded. */
const MAX_TOKEN_LENGTH = 8192;

function rejected(reason: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, `Authentication failed: ${reason}. Send no Authorization header to read as an anonymous reader.`, {
    // Apollo turns extensions.http into the HTTP status and headers, then removes it.
    http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="diplograph"']]) },
  });
}
