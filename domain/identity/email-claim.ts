import type { Decider, Event } from '../shared';

/**
 * The `emailClaim-<sha-256 of the normalised address>` stream: whoever appends its first event (with
 * expected state no_stream) reserves the address for the user id it names. Concurrent registrations
 * of one address therefore race on one append, and exactly one wins.
 */
export type EmailClaimed = Event<'EmailClaimed', { email: string; userId: string; claimedAt: string }>;
export type EmailClaimEvent = EmailClaimed;

export type ClaimEmail = {
  readonly type: 'ClaimEmail';
  readonly email: string;
  readonly userId: string;
  readonly now: Date;
};

export type EmailClaim = { readonly email: string; readonly userId: string; readonly claimedAt: Date };
export type EmailClaimState = EmailClaim | undefined;

/** An unclaimed address is claimed; a claimed one is left as it is (the state says who holds it). */
export const emailClaimDecider: Decider<ClaimEmail, EmailClaimEvent, EmailClaimState> = {
  initialState: undefined,
  decide(command, state) {
    if (state) return [];
    const { email, userId, now } = command;
    return [{ type: 'EmailClaimed', data: { email, userId, claimedAt: now.toISOString() } }];
  },
  evolve(_state, event) {
    const { email, userId, claimedAt } = event.data;
    return { email, userId, claimedAt: new Date(claimedAt) };
  },
};

/**
 * How long a claim whose user was never registered counts as a registration still in progress. The
 * claim and the user are two appends; a process that dies between them leaves a claim with no user.
 */
export const claimCompletionGraceMs = 60_000;

export type ClaimStatus =
  /** The claimed user exists: the address is taken. */
  | 'registered'
  /** No user yet, but the claim is recent: another registration is still running. */
  | 'in_progress'
  /**
   * No user long after the claim: its registration died. A new registration may complete it under the
   * claimed user id; the `user-<id>` append (no_stream) then decides which one of several wins.
   */
  | 'abandoned';

export function claimStatus(claim: EmailClaim, userRegistered: boolean, now: Date): ClaimStatus {
  if (userRegistered) return 'registered';
  return now.getTime() - claim.claimedAt.getTime() >= claimCompletionGraceMs ? 'abandoned' : 'in_progress';
}
