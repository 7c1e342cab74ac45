import crypto from 'node:crypto';

/**
 * The SHA-256 digest of an API key, as lowercase hex. Configuration holds
 * only these digests, so a leaked configuration does not leak keys; keys
 * are long random strings, so an unsalted fast hash is enough.
 */
export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}
