import type { Event } from '../shared';
import type { UserRole } from './roles';

/**
 * The `user-<userId>` stream. It holds no secrets: the password hash lives in the
 * `userCredentials-<credentialsId>` stream named by `credentialsId`, refresh tokens in `userSession-…`.
 */
export type UserRegistered = Event<
  'UserRegistered',
  {
    userId: string;
    email: string;
    name: string;
    role: UserRole;
    tenantId: string;
    credentialsId: string;
    registeredAt: string;
  }
>;
export type UserRenamed = Event<'UserRenamed', { userId: string; name: string; renamedAt: string }>;
export type UserRoleChanged = Event<
  'UserRoleChanged',
  { userId: string; role: UserRole; previousRole: UserRole; changedBy: string; changedAt: string }
>;

export type UserEvent = UserRegistered | UserRenamed | UserRoleChanged;

/** An account as the user stream tells it. */
export type User = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly tenantId: string;
  readonly credentialsId: string;
  readonly registeredAt: string;
};
