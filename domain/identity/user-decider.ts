import { AppError, type Decider } from '../shared';
import { assertValidEmail, assertValidName } from './rules';
import {
  actorLabel,
  defaultLocale,
  isUserLocale,
  isUserRole,
  type Actor,
  type UserLocale,
  type UserRole,
} from './roles';
import type { User, UserEvent } from './user-events';

export type RegisterUser = {
  readonly type: 'RegisterUser';
  readonly userId: string;
  /** Already normalised (`normaliseEmail`). */
  readonly email: string;
  readonly name: string;
  readonly tenantId: string;
  readonly credentialsId: string;
  /** `en` when not given. */
  readonly locale?: UserLocale;
  readonly now: Date;
};
export type RenameUser = {
  readonly type: 'RenameUser';
  readonly userId: string;
  readonly name: string;
  readonly now: Date;
};
export type ChangeUserRole = {
  readonly type: 'ChangeUserRole';
  readonly userId: string;
  readonly role: UserRole;
  readonly actor: Actor;
  readonly now: Date;
};
export type ChangeUserLocale = {
  readonly type: 'ChangeUserLocale';
  readonly userId: string;
  readonly locale: UserLocale;
  readonly now: Date;
};
export type UserCommand = RegisterUser | RenameUser | ChangeUserRole | ChangeUserLocale;

function assertValidLocale(locale: unknown): asserts locale is UserLocale {
  if (!isUserLocale(locale))
    throw new AppError('VALIDATION_ERROR', `Unknown locale ${String(locale)}`, [
      { field: 'locale', reasons: ['locale must be one of en, th'] },
    ]);
}

/** undefined until the account is registered. */
export type UserState = User | undefined;

const notFound = (userId: string) => new AppError('NOT_FOUND', `No user ${userId}`);

function existing(state: UserState, userId: string): User {
  if (!state) throw notFound(userId);
  return state;
}

function decideRoleChange(command: ChangeUserRole, state: UserState): UserEvent[] {
  const { actor } = command;
  if (actor.kind === 'user' && actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only an admin may change a role');
  }
  if (!isUserRole(command.role))
    throw new AppError('VALIDATION_ERROR', `Unknown role ${String(command.role)}`);
  const user = existing(state, command.userId);
  // The last admin demoting themselves would leave nobody able to promote anyone again.
  if (actor.kind === 'user' && actor.userId === user.id) {
    throw new AppError('INVALID_STATE', 'An admin may not change their own role');
  }
  if (user.role === command.role) return [];
  const data = {
    userId: user.id,
    role: command.role,
    previousRole: user.role,
    changedBy: actorLabel(actor),
    changedAt: command.now.toISOString(),
  };
  return [{ type: 'UserRoleChanged', data }];
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: undefined,

  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser': {
        if (state) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists');
        assertValidEmail(command.email);
        assertValidName(command.name);
        const locale = command.locale ?? defaultLocale;
        assertValidLocale(locale);
        const { userId, email, name, tenantId, credentialsId } = command;
        const data = { userId, email, name, role: 'customer' as const, tenantId, credentialsId };
        return [
          { type: 'UserRegistered', data: { ...data, registeredAt: command.now.toISOString(), locale } },
        ];
      }
      case 'RenameUser': {
        const user = existing(state, command.userId);
        assertValidName(command.name);
        if (user.name === command.name) return [];
        const data = { userId: user.id, name: command.name, renamedAt: command.now.toISOString() };
        return [{ type: 'UserRenamed', data }];
      }
      case 'ChangeUserRole':
        return decideRoleChange(command, state);
      case 'ChangeUserLocale': {
        const user = existing(state, command.userId);
        assertValidLocale(command.locale);
        if (user.locale === command.locale) return [];
        const data = { userId: user.id, locale: command.locale, changedAt: command.now.toISOString() };
        return [{ type: 'UserLocaleChanged', data }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered': {
        const { userId, email, name, role, tenantId, credentialsId, registeredAt } = event.data;
        const locale = event.data.locale ?? defaultLocale;
        return { id: userId, email, name, role, tenantId, credentialsId, registeredAt, locale };
      }
      case 'UserRenamed':
        return state && { ...state, name: event.data.name };
      case 'UserRoleChanged':
        return state && { ...state, role: event.data.role };
      case 'UserLocaleChanged':
        return state && { ...state, locale: event.data.locale };
    }
  },
};
