import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AccessTokenRevocations } from './access-token-revocations';

export type RevocationsUnderTest = {
  /** Two processes' adapters on one store (an in-process adapter gives the same instance twice). */
  readonly one: AccessTokenRevocations;
  readonly other: AccessTokenRevocations;
  /** Resolves once `other` has seen everything `one` wrote (the explicit awaiter; no sleeps). */
  sync(): Promise<void>;
  close(): Promise<void>;
};

export type RevocationsFixture = {
  /** Adapters that keep a revocation `ttlMs` on `clock` (epoch ms, moved by the test). */
  open(options: { ttlMs: number; clock: () => number }): Promise<RevocationsUnderTest>;
};

const ttlMs = 15 * 60_000;

/** The AccessTokenRevocations port's contract: every adapter runs this same suite. */
export function describeAccessTokenRevocationsContract(
  adapterName: string,
  fixture: RevocationsFixture,
): void {
  describe(`AccessTokenRevocations contract: ${adapterName}`, () => {
    async function opened(test: (under: RevocationsUnderTest, clock: { now: number }) => Promise<void>) {
      const clock = { now: Date.now() };
      const under = await fixture.open({ ttlMs, clock: () => clock.now });
      try {
        await test(under, clock);
      } finally {
        await under.close();
      }
    }

    it('revokes every access token of a signed-out session, and no other', () =>
      opened(async ({ one, other, sync }) => {
        const [userId, session, sibling] = [randomUUID(), randomUUID(), randomUUID()];
        const token = { userId, role: 'customer', sessionId: session } as const;
        assert.equal(one.isRevoked(token), false);
        await one.revokeSession(session);
        assert.equal(one.isRevoked(token), true, 'at once in the process that revoked it');
        await sync();
        assert.equal(other.isRevoked(token), true, 'in the others once they caught up');
        assert.equal(other.isRevoked({ ...token, sessionId: sibling }), false, "another sign-in's tokens");
        assert.equal(other.isRevoked({ userId, role: 'customer' }), false, 'a token of no sign-in');
      }));

    it("revokes a user's tokens of any other role after a role change; the latest change wins", () =>
      opened(async ({ one, other, sync }) => {
        const [userId, someoneElse] = [randomUUID(), randomUUID()];
        await one.revokeOtherRoles(userId, 'organizer');
        await sync();
        for (const adapter of [one, other]) {
          assert.equal(adapter.isRevoked({ userId, role: 'customer' }), true, 'issued before the change');
          assert.equal(adapter.isRevoked({ userId, role: 'organizer' }), false, 'issued after it');
          assert.equal(adapter.isRevoked({ userId: someoneElse, role: 'customer' }), false);
        }
        await other.revokeOtherRoles(userId, 'customer');
        await sync();
        assert.equal(other.isRevoked({ userId, role: 'organizer' }), true);
        assert.equal(other.isRevoked({ userId, role: 'customer' }), false);
      }));

    it('forgets a revocation once every token it covered has expired', () =>
      opened(async ({ one, other, sync }, clock) => {
        const [userId, session] = [randomUUID(), randomUUID()];
        await one.revokeSession(session);
        await one.revokeOtherRoles(userId, 'admin');
        await sync();
        clock.now += ttlMs - 1;
        for (const adapter of [one, other]) {
          assert.equal(adapter.isRevoked({ userId, role: 'customer', sessionId: session }), true);
        }
        clock.now += 1;
        for (const adapter of [one, other]) {
          assert.equal(adapter.isRevoked({ userId, role: 'customer', sessionId: session }), false);
        }
      }));
  });
}
