import assert from 'node:assert/strict';
import { createHmac, createSecretKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { TokenRefused, verifyHs256 } from './hs256';

const secret = Buffer.from('a-secret-of-at-least-thirty-two-characters');
const key = createSecretKey(secret);
const expected = { typ: 'at+jwt', issuer: 'booking-rush', audience: 'booking-rush:api' };
const now = 1_900_000_000;
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(header: Record<string, unknown>, claims: Record<string, unknown>, signWith = secret): string {
  const body = `${part({ alg: 'HS256', typ: 'at+jwt', ...header })}.${part({
    iss: 'booking-rush',
    aud: 'booking-rush:api',
    sub: 'u-1',
    iat: now - 10,
    exp: now + 60,
    ...claims,
  })}`;
  return `${body}.${createHmac('sha256', signWith).update(body).digest('base64url')}`;
}

const refused = (reason: 'expired' | 'invalid') => (error: unknown) =>
  error instanceof TokenRefused && error.reason === reason;

describe('HS256 verification', () => {
  it('returns the claims of a well-formed token signed with the key', () => {
    assert.equal(verifyHs256(token({}, {}), key, expected, now).sub, 'u-1');
  });

  it('tells an expired token apart from an invalid one', () => {
    assert.throws(() => verifyHs256(token({}, { exp: now }), key, expected, now), refused('expired'));
    assert.throws(
      () =>
        verifyHs256(token({}, {}, Buffer.from('another-key-of-32-characters-long!!')), key, expected, now),
      refused('invalid'),
    );
  });

  it('refuses critical headers, other algorithms, a future nbf and missing times', () => {
    for (const bad of [
      token({ crit: ['b64'] }, {}),
      token({ alg: 'HS512' }, {}),
      token({}, { nbf: now + 5 }),
      token({}, { iat: undefined }),
      token({}, { exp: '1900000060' }),
    ]) {
      assert.throws(() => verifyHs256(bad, key, expected, now), refused('invalid'), bad);
    }
  });

  it('refuses a signature that decodes to the right bytes but is not written canonically', () => {
    const good = token({}, {});
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const padded = `${header}.${payload}.${signature}=`;
    assert.throws(() => verifyHs256(padded, key, expected, now), refused('invalid'));
  });
});
