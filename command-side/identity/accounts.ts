import {
  credentialsDecider,
  credentialsStream,
  emailClaimDecider,
  normaliseEmail,
  userDecider,
  userStream,
  type Credentials,
  type CredentialsEvent,
  type EmailClaimEvent,
  type User,
  type UserEvent,
} from '../../domain/identity';
import { fold } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import { loadStream } from '../shared';
import { emailClaimStreamOf, isUuid } from './streams';

/** The account with this id, or undefined. */
export async function loadUser(store: EventStore, userId: string): Promise<User | undefined> {
  if (!isUuid(userId)) return undefined;
  const { events } = await loadStream<UserEvent>(store, userStream(userId));
  return fold(userDecider, events);
}

/** The registered account holding this address, or undefined (unclaimed, or a claim not completed). */
export async function findUserByEmail(store: EventStore, email: string): Promise<User | undefined> {
  const { events } = await loadStream<EmailClaimEvent>(store, emailClaimStreamOf(normaliseEmail(email)));
  const claim = fold(emailClaimDecider, events);
  return claim ? loadUser(store, claim.userId) : undefined;
}

export async function loadCredentials(store: EventStore, user: User): Promise<Credentials | undefined> {
  const { events } = await loadStream<CredentialsEvent>(store, credentialsStream(user.credentialsId));
  const credentials = fold(credentialsDecider, events);
  // Credentials name their user; a mismatch would be a bug, and must never sign anyone in.
  return credentials?.userId === user.id ? credentials : undefined;
}
