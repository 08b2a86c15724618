import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { AppError } from '../../domain/shared';
import type { Principal } from '../ports/auth';
import { InProcessAccessTokenRevocations, JwtAccessTokens, accessTokenShape } from './index';

const secret = 'test-secret-with-at-least-thirty-two-chars';
const principal: Principal = {
  userId: 'u-1',
  email: 'ann@example.com',
  role: 'organizer',
  tenantId: 'default',
};
const tokens = new JwtAccessTokens(secret);
const key = new TextEncoder().encode(secret);

async function rejects(token: string, message: RegExp): Promise<void> {
  await assert.rejects(tokens.verify(token), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'UNAUTHORIZED');
    assert.match(error.message, message);
    return true;
  });
}

/** A token signed with the right key, shaped like an access token except for `change`. */
function forged(change: { typ?: string; aud?: string; claims?: Record<string, unknown> }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    email: principal.email,
    role: principal.role,
    tenantId: 'default',
    kind: 'access',
    ...change.claims,
  })
    .setProtectedHeader({ alg: 'HS256', typ: change.typ ?? accessTokenShape.typ })
    .setSubject(principal.userId)
    .setIssuer(accessTokenShape.issuer)
    .setAudience(change.aud ?? accessTokenShape.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(key);
}

describe('JWT access tokens', () => {
  it('issues an HS256 token carrying sub, email, role and tenantId for 15 minutes, and verifies it back', async () => {
    const { accessToken, expiresIn } = await tokens.issue(principal);
    assert.equal(expiresIn, 900);
    assert.deepEqual(decodeProtectedHeader(accessToken), { alg: 'HS256', typ: 'at+jwt' });
    const claims = decodeJwt(accessToken);
    assert.equal(claims.sub, 'u-1');
    assert.equal(claims.aud, 'booking-rush:api');
    assert.equal(claims.exp! - claims.iat!, 900);
    assert.deepEqual(await tokens.verify(accessToken), principal);
  });

  it('refuses an expired token, saying so', async () => {
    const past = new JwtAccessTokens(secret, { clock: () => new Date(Date.now() - 16 * 60_000) });
    await rejects((await past.issue(principal)).accessToken, /expired/);
  });

  it('still refuses a token it verified before, once that token has expired', async () => {
    let now = Date.now();
    const moving = new JwtAccessTokens(secret, { clock: () => new Date(now) });
    const { accessToken } = await moving.issue(principal);
    assert.deepEqual(await moving.verify(accessToken), principal);
    assert.deepEqual(await moving.verify(accessToken), principal);
    now += 15 * 60_000 + 1_000;
    await assert.rejects(moving.verify(accessToken), /expired/);
  });

  it('refuses a token signed with another key', async () => {
    const other = new JwtAccessTokens('another-secret-also-thirty-two-chars-long');
    await rejects((await other.issue(principal)).accessToken, /not valid/);
  });

  it('refuses a token of another audience, type or kind (a queue pass is never an access token)', async () => {
    await rejects(await forged({ aud: 'booking-rush:queue' }), /not valid/);
    await rejects(await forged({ typ: 'queue-pass+jwt' }), /not valid/);
    await rejects(await forged({ claims: { kind: 'queue_pass' } }), /Not an access token/);
  });

  it('refuses a token with an unknown role or missing claims', async () => {
    await rejects(await forged({ claims: { role: 'root' } }), /unknown role/);
    await rejects(await forged({ claims: { email: undefined } }), /missing claims/);
  });

  it('refuses an unsigned token and text that is not a JWT', async () => {
    const [, payload] = (await tokens.issue(principal)).accessToken.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${payload}.`;
    await rejects(unsigned, /not valid/);
    await rejects('not-a-token', /not valid/);
  });

  it('carries the sign-in, and refuses a token once revoked, even one it verified a moment ago', async () => {
    const revocations = new InProcessAccessTokenRevocations({ ttlMs: 900_000 });
    const revocable = new JwtAccessTokens(secret, { revocations });
    const signedIn = { ...principal, sessionId: 's-1' };
    const { accessToken } = await revocable.issue(signedIn);
    assert.equal(decodeJwt(accessToken).sid, 's-1');
    assert.deepEqual(await revocable.verify(accessToken), signedIn);
    const other = (await revocable.issue({ ...principal, sessionId: 's-2' })).accessToken;
    await revocations.revokeSession('s-1');
    await assert.rejects(revocable.verify(accessToken), /revoked/);
    assert.equal((await revocable.verify(other)).sessionId, 's-2');
    await revocations.revokeOtherRoles(principal.userId, 'admin');
    await assert.rejects(revocable.verify(other), /revoked/);
    const promoted = (await revocable.issue({ ...principal, role: 'admin', sessionId: 's-2' })).accessToken;
    assert.equal((await revocable.verify(promoted)).role, 'admin');
  });

  it('refuses to start with a secret shorter than 32 characters', () => {
    assert.throws(() => new JwtAccessTokens('short'), /at least 32/);
  });
});
