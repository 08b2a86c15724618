import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets, redacted } from './redact-secrets';

describe('redactSecrets', () => {
  it('redacts secret fields at any depth and keeps the rest', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    assert.deepEqual(
      redactSecrets({
        userId: 'u1',
        password: 'hunter22',
        passwordHash: 'x',
        session: { newTokenHash: 'y', expiresAt: at },
        cards: [{ token: 'tok_1', last4: '4242' }, { cardNumber: '4242' }],
        clientSecret: 's',
        apiKey: 'k',
        quantity: 2,
        reason: null,
      }),
      {
        userId: 'u1',
        password: redacted,
        passwordHash: redacted,
        session: { newTokenHash: redacted, expiresAt: at },
        cards: [{ token: redacted, last4: '4242' }, { cardNumber: redacted }],
        clientSecret: redacted,
        apiKey: redacted,
        quantity: 2,
        reason: null,
      },
    );
  });

  it('redacts secret-looking values whatever the field is called', () => {
    assert.deepEqual(
      redactSecrets({
        note: '4242424242424242',
        spaced: '4000-0000-0000-0002',
        stored: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
        bcrypt: '$2b$12$abcdefghijklmnopqrstuuN9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92',
        jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln',
        amount: '150000',
        id: '7f3c2a1e-0000-4000-8000-000000000000',
      }),
      {
        note: redacted,
        spaced: redacted,
        stored: redacted,
        bcrypt: redacted,
        jwt: redacted,
        amount: '150000',
        id: '7f3c2a1e-0000-4000-8000-000000000000',
      },
    );
  });

  it('renames every key when asked, and only then', () => {
    const data = { $where: 1, nested: { 'a.b': 2 } };
    assert.deepEqual(redactSecrets(data, { renameKey: (key) => key.toUpperCase() }), {
      $WHERE: 1,
      NESTED: { 'A.B': 2 },
    });
    assert.deepEqual(redactSecrets(data), data);
  });

  it('hides every text of a secret stream but its ids, times and reasons', () => {
    const data = {
      sessionId: 's1',
      userId: 'u1',
      reason: 'refresh_token_reuse',
      reusedTokenHash: 'a3f1',
      fingerprint: '9c2e77d1',
      family: ['b7e0'],
      revokedAt: '2030-01-01T00:00:00.000Z',
      generation: 3,
    };
    assert.deepEqual(redactSecrets(data, { secretStream: true }), {
      sessionId: 's1',
      userId: 'u1',
      reason: 'refresh_token_reuse',
      reusedTokenHash: redacted,
      fingerprint: redacted,
      family: [redacted],
      revokedAt: '2030-01-01T00:00:00.000Z',
      generation: 3,
    });
    assert.equal((redactSecrets(data) as typeof data).fingerprint, '9c2e77d1', 'elsewhere it is kept');
  });

  it('copies: the event data is left as it was', () => {
    const data = { card: { token: 'tok_1' } };
    redactSecrets(data);
    assert.deepEqual(data, { card: { token: 'tok_1' } });
  });
});
