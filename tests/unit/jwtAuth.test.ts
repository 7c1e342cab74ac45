import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { actorOf, authenticateRequest, createJwtVerifier, hashApiKey, type Credentials } from '../../src/auth';
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'a-test-hs256-secret-of-more-than-32-chars';
const BASE = { JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'diplograph' };

async function hsToken(claims: Record<string, unknown>, options: { issuer?: string; audience?: string; exp?: string; secret?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice@example.org')
    .setIssuer(options.issuer ?? BASE.JWT_ISSUER)
    .setAudience(options.audience ?? BASE.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function failure(run: () => Promise<unknown>): Promise<{ code?: string; status?: number; message: string }> {
  try {
    await run();
  } catch (error) {
    const extensions = (error as { extensions: { code?: string; http?: { status?: number } } }).extensions;
    return { code: extensions.code, status: extensions.http?.status, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

describe('bearer JWTs with an HS256 secret', () => {
  const config = loadConfig({ ...BASE, JWT_SECRET: SECRET, API_KEYS: `ed:editor:${hashApiKey('editor-key')}` });
  const credentials: Credentials = { apiKeys: config.auth.apiKeys, jwt: createJwtVerifier(config.auth.jwt!) };

  it('takes the strongest known role of the roles claim and the subject', async () => {
    const viewer = await authenticateRequest(`Bearer ${await hsToken({ roles: ['reader', 'editor', 'astronaut'] })}`, credentials);
    expect(viewer).toEqual({ role: 'editor', subject: 'alice@example.org' });
    expect(actorOf(viewer)).toBe('jwt:alice@example.org');
    const single = await authenticateRequest(`Bearer ${await hsToken({ roles: 'ADMIN' })}`, credentials);
    expect(single.role).toBe('admin');
    const none = await authenticateRequest(`Bearer ${await hsToken({})}`, credentials);
    expect(none.role).toBe('reader');
  });
  it('keeps API keys working beside tokens', async () => {
    const viewer = await authenticateRequest('Bearer editor-key', credentials);
    expect(viewer).toEqual({ role: 'editor', keyName: 'ed' });
    expect(actorOf(viewer)).toBe('key:ed');
  });
  it.each([
    ['another issuer', () => hsToken({ roles: 'admin' }, { issuer: 'https://evil.test' }), '"iss" claim'],
    ['another audience', () => hsToken({ roles: 'admin' }, { audience: 'other' }), '"aud" claim'],
    ['an expired token', () => hsToken({ roles: 'admin' }, { exp: '-10m' }), 'expired'],
    ['another secret', () => hsToken({ roles: 'admin' }, { secret: 'x'.repeat(40) }), 'signature'],
  ])('refuses %s with UNAUTHENTICATED (401) and the reason', async (_name, make, reason) => {
    const token = await make();
    const { code, status, message } = await failure(() => authenticateRequest(`Bearer ${token}`, credentials));
    expect(code).toBe('UNAUTHENTICATED');
    expect(status).toBe(401);
    expect(message).toContain(reason);
    expect(message).not.toContain(token);
  });
  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', roles: 'admin', iss: BASE.JWT_ISSUER, aud: BASE.JWT_AUDIENCE, exp: 9999999999 })).toString(
      'base64url',
    );
    const { code } = await failure(() => authenticateRequest(`Bearer ${header}.${body}.x`, credentials));
    expect(code).toBe('UNAUTHENTICATED');
  });
  it('refuses a token when no JWT is configured (it is then an unknown API key)', async () => {
    const { code } = await failure(async () => authenticateRequest(`Bearer ${await hsToken({ roles: 'admin' })}`, { apiKeys: [] }));
    expect(code).toBe('UNAUTHENTICATED');
  });
});

describe('bearer JWTs against a JWKS file', () => {
  it('verifies an RS256 token by kid, and refuses HS256 made with the public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-jwks-')), 'jwks.json');
    fs.writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    try {
      const config = loadConfig({ ...BASE, JWT_JWKS_FILE: file, JWT_ROLES_CLAIM: 'https://diplograph/roles' });
      const verify = createJwtVerifier(config.auth.jwt!);
      const token = await new SignJWT({ 'https://diplograph/roles': ['editor'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('svc-ingest')
        .setIssuer(BASE.JWT_ISSUER)
        .setAudience(BASE.JWT_AUDIENCE)
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await verify(token)).toEqual({ role: 'editor', subject: 'svc-ingest' });
      const confused = await hsToken({ roles: 'admin' }, { secret: JSON.stringify(jwk) });
      await expect(verify(confused)).rejects.toThrow(/algorithm|key/);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('loadConfig: JWT settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };
  it('has no JWT verification by default', () => {
    expect(loadConfig({}).auth.jwt).toBeUndefined();
  });
  it('lists every problem at once and never shows the secret', () => {
    const short = problems({ JWT_SECRET: 'short-secret' });
    expect(short).toEqual(['JWT_SECRET=(hidden, 12 characters): expected an HS256 secret of at least 32 characters']);
    expect(problems({ JWT_SECRET: SECRET })).toEqual([
      'JWT_ISSUER="": expected the issuer (iss) tokens must carry when JWTs are accepted',
      'JWT_AUDIENCE="": expected the audience (aud) tokens must carry when JWTs are accepted',
    ]);
    expect(problems({ JWT_ISSUER: 'x' })).toEqual(['JWT_ISSUER="x": set JWT_SECRET or JWT_JWKS_FILE too, or leave it unset']);
  });
  it('refuses a JWKS file that is missing, not JSON, empty, symmetric or private', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-jwks-'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    try {
      expect(problems({ ...BASE, JWT_JWKS_FILE: path.join(dir, 'absent.json') })[0]).toMatch(/absent\.json": cannot read it \(ENOENT\)/);
      expect(problems({ ...BASE, JWT_JWKS_FILE: write('a.json', '{') })[0]).toMatch(/not a usable JSON Web Key Set/);
      expect(problems({ ...BASE, JWT_JWKS_FILE: write('b.json', '{"keys":[]}') })[0]).toMatch(/non-empty "keys" list/);
      const oct = write('c.json', JSON.stringify({ keys: [{ kty: 'oct', k: crypto.randomBytes(32).toString('base64url') }] }));
      expect(problems({ ...BASE, JWT_JWKS_FILE: oct })[0]).toMatch(/symmetric/);
      const priv = write('d.json', JSON.stringify({ keys: [await exportJWK(privateKey)] }));
      expect(problems({ ...BASE, JWT_JWKS_FILE: priv })[0]).toMatch(/private key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
