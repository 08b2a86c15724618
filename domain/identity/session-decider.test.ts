import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold } from '../shared';
import { deciderSpec } from './decider-spec';
import { refreshTokenTtlMs, sessionDecider, type SessionEvent } from './index';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const given = deciderSpec(sessionDecider);

const started: SessionEvent = {
  type: 'SessionStarted',
  data: {
    sessionId: 's1',
    userId: 'u1',
    tokenHash: 'h1',
    startedAt: t0.toISOString(),
    expiresAt: at(refreshTokenTtlMs).toISOString(),
  },
};
const rotated: SessionEvent = {
  type: 'RefreshTokenRotated',
  data: {
    sessionId: 's1',
    tokenHash: 'h1',
    newTokenHash: 'h2',
    rotatedAt: at(1000).toISOString(),
    expiresAt: at(1000 + refreshTokenTtlMs).toISOString(),
  },
};
const ended: SessionEvent = {
  type: 'SessionEnded',
  data: { sessionId: 's1', reason: 'logout', endedAt: at(2000).toISOString() },
};
const rotate = (tokenHash: string, now: Date) =>
  ({ type: 'RotateRefreshToken', tokenHash, newTokenHash: 'next', now }) as const;
const logout = (tokenHash: string, userId = 'u1') =>
  ({ type: 'EndSession', tokenHash, userId, now: at(5000) }) as const;

describe('the session decider (refresh-token family)', () => {
  it('starts a session whose refresh token lasts 7 days', () => {
    given([])
      .when({ type: 'StartSession', sessionId: 's1', userId: 'u1', tokenHash: 'h1', now: t0 })
      .then([started]);
    given([started])
      .when({ type: 'StartSession', sessionId: 's1', userId: 'u1', tokenHash: 'h9', now: t0 })
      .thenRejects('INVALID_STATE');
  });

  describe('rotation', () => {
    it('exchanges the current token for a new one that lasts 7 days from now', () => {
      given([started])
        .when({ ...rotate('h1', at(1000)), newTokenHash: 'h2' })
        .then([rotated]);
    });

    it('makes the new token current and the old one rotated', () => {
      const session = fold(sessionDecider, [started, rotated]);
      assert.equal(session?.currentTokenHash, 'h2');
      assert.deepEqual(session?.rotatedTokenHashes, ['h1']);
      given([started, rotated])
        .when(rotate('h2', at(3000)))
        .then([
          {
            type: 'RefreshTokenRotated',
            data: {
              sessionId: 's1',
              tokenHash: 'h2',
              newTokenHash: 'next',
              rotatedAt: at(3000).toISOString(),
              expiresAt: at(3000 + refreshTokenTtlMs).toISOString(),
            },
          },
        ]);
    });

    it('revokes the whole family when an already rotated token is presented again', () => {
      given([started, rotated])
        .when(rotate('h1', at(4000)))
        .then([
          {
            type: 'SessionRevoked',
            data: {
              sessionId: 's1',
              reason: 'refresh_token_reuse',
              reusedTokenHash: 'h1',
              revokedAt: at(4000).toISOString(),
            },
          },
        ]);
    });

    it('refuses every token of a revoked family, the newest included', () => {
      const revoked: SessionEvent = {
        type: 'SessionRevoked',
        data: {
          sessionId: 's1',
          reason: 'refresh_token_reuse',
          reusedTokenHash: 'h1',
          revokedAt: at(4000).toISOString(),
        },
      };
      given([started, rotated, revoked])
        .when(rotate('h2', at(5000)))
        .thenRejects('UNAUTHORIZED');
      given([started, rotated, revoked])
        .when(rotate('h1', at(5000)))
        .thenRejects('UNAUTHORIZED');
    });

    it('refuses an expired refresh token', () => {
      given([started])
        .when(rotate('h1', at(refreshTokenTtlMs)))
        .thenRejects('UNAUTHORIZED', /expired/);
    });

    it('refuses a token that never belonged to the session, and an unknown session', () => {
      given([started])
        .when(rotate('zz', at(1000)))
        .thenRejects('UNAUTHORIZED', /not valid/);
      given([])
        .when(rotate('h1', at(1000)))
        .thenRejects('UNAUTHORIZED');
    });
  });

  describe('logout', () => {
    it('ends the session so that its refresh token stops working', () => {
      given([started, rotated])
        .when(logout('h2'))
        .then([{ ...ended, data: { ...ended.data, endedAt: at(5000).toISOString() } }]);
      given([started, rotated, ended])
        .when(rotate('h2', at(6000)))
        .thenRejects('UNAUTHORIZED');
    });

    it('does nothing when the session already ended', () => {
      given([started, ended]).when(logout('h1')).thenNothing();
    });

    it("refuses another user's token and a token the session never issued", () => {
      given([started]).when(logout('h1', 'u2')).thenRejects('UNAUTHORIZED');
      given([started]).when(logout('zz')).thenRejects('UNAUTHORIZED');
    });
  });
});
