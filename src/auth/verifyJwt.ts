import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { JWKS_ALGORITHMS, type JwtConfig } from './JwtConfig';
import { ROLES, type Role, type Viewer } from './Viewer';

/** Why a token was refused, in words safe to send back (never the token). */
export class JwtRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'JwtRejected';
  }
}

/** Per-config verifier; the JWKS is parsed once, not per request. */
export type JwtVerifier = (token: string) => Promise<Viewer>;

/**
 * Makes a verifier for bearer JWTs: signature (HS256 with the secret, or
 * an asymmetric key of the JWKS chosen by `kid`), expiry, issuer and
 * audience, with `jose`. The token's role is the strongest known role named
 * by the roles claim (a string or a list); a valid token naming no known
 * role reads as a reader, like a request without credentials, but is still
 * recorded under its subject.
 */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const key = config.key.kind === 'secret' ? config.key.secret : createLocalJWKSet(config.key.jwks);
  const algorithms = config.key.kind === 'secret' ? ['HS256'] : JWKS_ALGORITHMS;
  return async (token) => {
    let payload: JWTPayload;
    try {
      // The two overloads of jwtVerify (key or key set) differ only in the key's type.
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new JwtRejected(describe(error));
    }
    const claimed = payload[config.rolesClaim];
    const names = typeof claimed === 'string' ? [claimed] : Array.isArray(claimed) ? claimed.filter((r) => typeof r === 'string') : [];
    const known = names.map((name) => name.toLowerCase()).filter((name): name is Role => (ROLES as readonly string[]).includes(name));
    const role = known.reduce<Role>((best, r) => (ROLES.indexOf(r) > ROLES.indexOf(best) ? r : best), 'reader');
    return { role, subject: String(payload.sub) };
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no configured key matches the token';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'the token is malformed';
  return 'the token does not verify';
}
