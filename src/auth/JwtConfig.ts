import type { JSONWebKeySet } from 'jose';

/**
 * How bearer JWTs are verified (JWT_* settings). Exactly one key source:
 * a shared HS256 secret, or a JSON Web Key Set read from a file at start-up
 * (asymmetric algorithms only, so a public key can never be used as an HMAC secret).
 */
export interface JwtConfig {
  key: { kind: 'secret'; secret: Uint8Array } | { kind: 'jwks'; jwks: JSONWebKeySet; file: string };
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must carry (one of, when the token lists several). */
  audience: string;
  /** The claim holding the token's role(s): a string or a list of strings. */
  rolesClaim: string;
  /** Leeway for exp/nbf, in seconds, for clocks that drift. */
  clockToleranceS: number;
}

/** Algorithms accepted from a JWKS; HS256 only with a secret. */
export const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
