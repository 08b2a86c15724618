import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold } from '../shared';
import { deciderSpec } from './decider-spec';
import { userDecider, type UserEvent, type UserRegistered } from './index';

const now = new Date('2026-03-01T10:00:00.000Z');
const given = deciderSpec(userDecider);
const registered: UserRegistered = {
  type: 'UserRegistered',
  data: {
    userId: 'u1',
    email: 'ann@example.com',
    name: 'Ann',
    role: 'customer',
    tenantId: 'default',
    credentialsId: 'c1',
    registeredAt: '2026-03-01T09:00:00.000Z',
  },
};
const register = {
  type: 'RegisterUser',
  userId: 'u1',
  email: 'ann@example.com',
  name: 'Ann',
  tenantId: 'default',
  credentialsId: 'c1',
  now,
} as const;
const admin = { kind: 'user', userId: 'a1', role: 'admin' } as const;
const promoted: UserEvent = {
  type: 'UserRoleChanged',
  data: {
    userId: 'u1',
    role: 'organizer',
    previousRole: 'customer',
    changedBy: 'a1',
    changedAt: now.toISOString(),
  },
};

describe('the user decider', () => {
  describe('registering', () => {
    it('registers a new account as a customer, writing e-mails in English unless told otherwise', () => {
      given([])
        .when(register)
        .then([
          { ...registered, data: { ...registered.data, registeredAt: now.toISOString(), locale: 'en' } },
        ]);
      given([])
        .when({ ...register, locale: 'th' })
        .then([
          { ...registered, data: { ...registered.data, registeredAt: now.toISOString(), locale: 'th' } },
        ]);
    });

    it('refuses a locale it cannot write e-mails in', () => {
      given([])
        .when({ ...register, locale: 'fr' as never })
        .thenRejects('VALIDATION_ERROR', /locale fr/);
    });

    it('refuses to register the same user id twice as EMAIL_TAKEN', () => {
      given([registered]).when(register).thenRejects('EMAIL_TAKEN');
    });

    it('refuses a blank name and an address without @', () => {
      given([])
        .when({ ...register, name: '   ' })
        .thenRejects('VALIDATION_ERROR', /name/);
      given([])
        .when({ ...register, email: 'ann.example.com' })
        .thenRejects('VALIDATION_ERROR', /email/);
    });

    it('refuses a name or an address holding a lone surrogate', () => {
      given([])
        .when({ ...register, name: 'Ann \ud800' })
        .thenRejects('VALIDATION_ERROR', /name must be well-formed Unicode/);
      given([])
        .when({ ...register, email: 'ann\udc00@example.com' })
        .thenRejects('VALIDATION_ERROR', /email must be well-formed Unicode/);
    });
  });

  describe('renaming', () => {
    it('renames an account, keeping the name verbatim', () => {
      const name = `Robert'); DROP TABLE users;-- <b>bold</b>`;
      given([registered])
        .when({ type: 'RenameUser', userId: 'u1', name, now })
        .then([{ type: 'UserRenamed', data: { userId: 'u1', name, renamedAt: now.toISOString() } }]);
    });

    it('does nothing when the name is unchanged', () => {
      given([registered]).when({ type: 'RenameUser', userId: 'u1', name: 'Ann', now }).thenNothing();
    });

    it('refuses to rename an unknown user or to a name longer than 100 characters', () => {
      given([]).when({ type: 'RenameUser', userId: 'u1', name: 'Bo', now }).thenRejects('NOT_FOUND');
      given([registered])
        .when({ type: 'RenameUser', userId: 'u1', name: 'x'.repeat(101), now })
        .thenRejects('VALIDATION_ERROR', /at most 100/);
    });
  });

  describe('changing a role', () => {
    const change = { type: 'ChangeUserRole', userId: 'u1', role: 'organizer', now } as const;

    it('lets an admin change the role, recording who did it', () => {
      given([registered])
        .when({ ...change, actor: admin })
        .then([promoted]);
    });

    it('lets the system change a role (start-up bootstrap)', () => {
      given([registered])
        .when({ ...change, role: 'admin', actor: { kind: 'system', name: 'bootstrap-admin' } })
        .then([
          {
            type: 'UserRoleChanged',
            data: {
              userId: 'u1',
              role: 'admin',
              previousRole: 'customer',
              changedBy: 'system:bootstrap-admin',
              changedAt: now.toISOString(),
            },
          },
        ]);
    });

    it('forbids anyone but an admin to change a role', () => {
      for (const role of ['customer', 'organizer'] as const) {
        given([registered])
          .when({ ...change, actor: { kind: 'user', userId: 'x', role } })
          .thenRejects('FORBIDDEN');
      }
    });

    it('answers NOT_FOUND for an unknown user and refuses an unknown role', () => {
      given([])
        .when({ ...change, actor: admin })
        .thenRejects('NOT_FOUND');
      given([registered])
        .when({ ...change, role: 'root' as never, actor: admin })
        .thenRejects('VALIDATION_ERROR', /root/);
    });

    it('does not let an admin change their own role', () => {
      given([registered])
        .when({ ...change, actor: { kind: 'user', userId: 'u1', role: 'admin' } })
        .thenRejects('INVALID_STATE');
    });

    it('does nothing when the user already has the role', () => {
      given([registered, promoted])
        .when({ ...change, actor: admin })
        .thenNothing();
    });
  });

  describe('changing the locale', () => {
    const change = { type: 'ChangeUserLocale', userId: 'u1', locale: 'th', now } as const;

    it('records the new locale, and nothing when it is unchanged', () => {
      given([registered])
        .when(change)
        .then([
          { type: 'UserLocaleChanged', data: { userId: 'u1', locale: 'th', changedAt: now.toISOString() } },
        ]);
      given([registered])
        .when({ ...change, locale: 'en' })
        .thenNothing();
    });

    it('answers NOT_FOUND for an unknown user and refuses an unknown locale', () => {
      given([]).when(change).thenRejects('NOT_FOUND');
      given([registered])
        .when({ ...change, locale: 'de' as never })
        .thenRejects('VALIDATION_ERROR', /locale/);
    });
  });

  it('folds registration, rename and role change into the account', () => {
    const renamed: UserEvent = {
      type: 'UserRenamed',
      data: { userId: 'u1', name: 'Annie', renamedAt: now.toISOString() },
    };
    assert.deepEqual(fold(userDecider, [registered, renamed, promoted]), {
      id: 'u1',
      email: 'ann@example.com',
      name: 'Annie',
      role: 'organizer',
      tenantId: 'default',
      credentialsId: 'c1',
      registeredAt: '2026-03-01T09:00:00.000Z',
      locale: 'en',
    });
  });

  it('reads an account registered before locales existed as English, until it changes', () => {
    const localeChanged: UserEvent = {
      type: 'UserLocaleChanged',
      data: { userId: 'u1', locale: 'th', changedAt: now.toISOString() },
    };
    assert.equal(fold(userDecider, [registered])?.locale, 'en');
    assert.equal(fold(userDecider, [registered, localeChanged])?.locale, 'th');
  });
});
