import {
  userDecider,
  userStream,
  type Actor,
  type User,
  type UserLocale,
  type UserRole,
} from '../../domain/identity';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { AccessTokenRevocations } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import { handleCommand } from '../shared';
import { isUuid } from './streams';

type Clocked = { readonly store: EventStore; readonly clock: () => Date };

function existingUserStream(userId: string): string {
  // Not one of our ids: no such user (and never a stream name built from arbitrary input).
  if (!isUuid(userId)) throw new AppError('NOT_FOUND', `No user ${userId}`);
  return userStream(userId);
}

/** Runs one command against an existing user's stream; resolves to the user after it. */
async function changeUser(
  deps: Clocked,
  userId: string,
  command: Parameters<typeof userDecider.decide>[0],
  metadata: EventMetadata,
): Promise<User> {
  const { state } = await handleCommand(
    deps.store,
    existingUserStream(userId),
    userDecider,
    command,
    metadata,
  );
  if (!state) throw new Error('a changed user must exist');
  return state;
}

export async function renameUser(
  deps: Clocked,
  userId: string,
  name: string,
  metadata: EventMetadata,
): Promise<User> {
  return changeUser(deps, userId, { type: 'RenameUser', userId, name, now: deps.clock() }, metadata);
}

/** Changes the language the user's e-mails are written in. */
export async function changeUserLocale(
  deps: Clocked,
  userId: string,
  locale: UserLocale,
  metadata: EventMetadata,
): Promise<User> {
  return changeUser(deps, userId, { type: 'ChangeUserLocale', userId, locale, now: deps.clock() }, metadata);
}

/**
 * Changes a user's role; `actor` must be an admin (or the system). The user's access tokens that carry
 * another role stop working at once (`revocations`; seeds and the start-up admin, which run before any
 * token of the account is out, pass none). Repeating it revokes again.
 */
export async function setUserRole(
  deps: Clocked & { readonly revocations?: AccessTokenRevocations },
  userId: string,
  role: UserRole,
  actor: Actor,
  metadata: EventMetadata,
): Promise<User> {
  const user = await changeUser(
    deps,
    userId,
    { type: 'ChangeUserRole', userId, role, actor, now: deps.clock() },
    metadata,
  );
  await deps.revocations?.revokeOtherRoles(userId, user.role);
  return user;
}
