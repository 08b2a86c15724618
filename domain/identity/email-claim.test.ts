import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from './decider-spec';
import {
  claimCompletionGraceMs,
  claimStatus,
  emailClaimDecider,
  normaliseEmail,
  type EmailClaimed,
} from './index';

const now = new Date('2026-03-01T10:00:00.000Z');
const given = deciderSpec(emailClaimDecider);
const claimed: EmailClaimed = {
  type: 'EmailClaimed',
  data: { email: 'ann@example.com', userId: 'u1', claimedAt: now.toISOString() },
};

describe('the e-mail claim', () => {
  it('normalises an address by trimming and lower-casing it', () => {
    assert.equal(normaliseEmail('  Ann@Example.COM\t'), 'ann@example.com');
  });

  it('claims an unclaimed address for the given user id', () => {
    given([]).when({ type: 'ClaimEmail', email: 'ann@example.com', userId: 'u1', now }).then([claimed]);
  });

  it('leaves a claimed address with its holder, whoever asks', () => {
    given([claimed]).when({ type: 'ClaimEmail', email: 'ann@example.com', userId: 'u2', now }).thenNothing();
  });

  describe('status of a claim held by someone else', () => {
    const claim = { email: 'ann@example.com', userId: 'u1', claimedAt: now };
    const later = (ms: number) => new Date(now.getTime() + ms);

    it('is registered once the claimed user exists, however old', () => {
      assert.equal(claimStatus(claim, true, later(0)), 'registered');
      assert.equal(claimStatus(claim, true, later(10 * claimCompletionGraceMs)), 'registered');
    });

    it('is in progress while the claim is recent and its user not yet written', () => {
      assert.equal(claimStatus(claim, false, later(claimCompletionGraceMs - 1)), 'in_progress');
    });

    it('is abandoned when its user was never written within the grace period', () => {
      assert.equal(claimStatus(claim, false, later(claimCompletionGraceMs)), 'abandoned');
    });
  });
});
