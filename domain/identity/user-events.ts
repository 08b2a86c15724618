import type { Event } from '../shared';
import type { UserLocale, UserRole } from './roles';

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
    /** Absent on accounts registered before locales existed: they read as `en`. */
    locale?: UserLocale;
  }
>;
export type UserRenamed = Event<'UserRenamed', { userId: string; name: string; renamedAt: string }>;
export type UserRoleChanged = Event<
  'UserRoleChanged',
  { userId: string; role: UserRole; previousRole: UserRole; changedBy: string; changedAt: string }
>;

export type UserLocaleChanged = Event<
  'UserLocaleChanged',
  { userId: string; locale: UserLocale; changedAt: string }
>;

export type UserEvent = UserRegistered | UserRenamed | UserRoleChanged | UserLocaleChanged;

/** An account as the user stream tells it. */
export type User = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly tenantId: string;
  readonly credentialsId: string;
  readonly registeredAt: string;
  /** The language e-mails are written in. */
  readonly locale: UserLocale;
};
