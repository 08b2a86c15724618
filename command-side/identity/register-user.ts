import { randomUUID } from 'node:crypto';
import {
  assertValidEmail,
  assertValidName,
  assertValidPassword,
  claimStatus,
  credentialsDecider,
  credentialsStream,
  defaultTenantId,
  emailClaimDecider,
  normaliseEmail,
  userDecider,
  userStream,
  type User,
  type UserLocale,
} from '../../domain/identity';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import { handleCommand } from '../shared';
import type { AccountDeps } from './identity-deps';
import { emailClaimStreamOf } from './streams';

export type RegisterUserInput = {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  /** The language of the account's e-mails; `en` when absent. */
  readonly locale?: UserLocale;
};

const emailTaken = () => new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists');

/**
 * The user id to register `email` under: a fresh one when this call claims the address; the claimed
 * one when an earlier registration claimed it and died before writing its user. Otherwise EMAIL_TAKEN.
 */
async function claimEmail(
  store: EventStore,
  email: string,
  now: Date,
  metadata: EventMetadata,
): Promise<string> {
  const candidate = randomUUID();
  const command = { type: 'ClaimEmail', email, userId: candidate, now } as const;
  const { state: claim } = await handleCommand(store, emailClaimStreamOf(email), emailClaimDecider, command, {
    ...metadata,
    userId: metadata.userId ?? candidate,
  });
  if (!claim) throw new Error('an e-mail claim must exist after claiming');
  if (claim.userId === candidate) return candidate;
  const status = claimStatus(claim, await store.streamExists(userStream(claim.userId)), now);
  if (status === 'abandoned') return claim.userId;
  throw emailTaken();
}

/**
 * Registers a customer account. Three appends, each safe to lose to a crash:
 * 1. the e-mail claim (no_stream): one registration per address wins, the others get EMAIL_TAKEN;
 * 2. credentials under a fresh id (the password hash, kept out of the user stream);
 * 3. `user-<id>` (no_stream), naming those credentials: this append is what makes the account exist.
 * A crash after 1 or 2 leaves a claim without a user; after `claimCompletionGraceMs` the next
 * registration of the address completes it under the claimed id, and step 3 decides between rivals.
 */
export async function registerUser(
  deps: AccountDeps,
  input: RegisterUserInput,
  metadata: EventMetadata,
): Promise<User> {
  // Everything the user stream will check, checked before the claim: a rejected registration must not
  // hold the address.
  const email = normaliseEmail(input.email);
  assertValidEmail(email);
  assertValidName(input.name);
  assertValidPassword(input.password);
  const now = deps.clock();
  const userId = await claimEmail(deps.store, email, now, metadata);
  const written = { ...metadata, userId: metadata.userId ?? userId };
  const passwordHash = await deps.hasher.hash(input.password);
  const credentialsId = randomUUID();
  await handleCommand(
    deps.store,
    credentialsStream(credentialsId),
    credentialsDecider,
    { type: 'CreateCredentials', credentialsId, userId, passwordHash, now },
    written,
  );
  const register = {
    type: 'RegisterUser',
    userId,
    email,
    name: input.name,
    tenantId: defaultTenantId,
    credentialsId,
    ...(input.locale ? { locale: input.locale } : {}),
    now,
  } as const;
  const { state } = await handleCommand(deps.store, userStream(userId), userDecider, register, written);
  if (!state) throw new Error('a user must exist after registering');
  return state;
}
