import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { userStream } from '../../domain/identity';
import { Argon2PasswordHasher } from '../../infra/auth';
import { databaseDrivers } from '../../infra/testing';
import { ensureUser, findUserByEmail, registerUser, type AccountDeps } from './index';

const [pglite] = databaseDrivers;
type OpenedDatabase = Awaited<ReturnType<NonNullable<typeof pglite>['open']>>;

describe('ensureUser, the helper seeds and the start-up admin use', () => {
  let db: OpenedDatabase;
  let deps: AccountDeps;
  before(async () => {
    db = await pglite!.open();
    deps = { store: db.store, hasher: new Argon2PasswordHasher(), clock: () => new Date() };
  });
  after(() => db.close());

  it('registers a missing account through the commands and gives it the role, written as the system', async () => {
    const input = {
      email: 'Org@Example.com',
      password: 'organizer-pw',
      name: 'Olga',
      role: 'organizer',
    } as const;
    const { user, created } = await ensureUser(deps, input, 'demo-seed');
    assert.equal(created, true);
    assert.deepEqual([user.email, user.role], ['org@example.com', 'organizer']);
    const events = await db.store.readStream(userStream(user.id));
    assert.deepEqual(
      events.map((event) => event.type),
      ['UserRegistered', 'UserRoleChanged'],
    );
    assert.equal((events[1]!.data as { changedBy: string }).changedBy, 'system:demo-seed');
    assert.equal(events[1]!.metadata.actor, 'system:demo-seed');
  });

  it('leaves an account that already has the role as it is', async () => {
    const input = {
      email: 'org@example.com',
      password: 'ignored-pw',
      name: 'Ignored',
      role: 'organizer',
    } as const;
    const { user, created } = await ensureUser(deps, input, 'demo-seed');
    assert.equal(created, false);
    assert.equal(user.name, 'Olga');
    assert.equal((await db.store.readStream(userStream(user.id))).length, 2);
  });

  it('promotes an existing customer without touching their password or name', async () => {
    const customer = await registerUser(
      deps,
      { email: 'cus@example.com', password: 'customer-pw', name: 'Cy' },
      {},
    );
    const { user, created } = await ensureUser(
      deps,
      { email: 'cus@example.com', password: 'other-password', name: 'Other', role: 'admin' },
      'bootstrap-admin',
    );
    assert.equal(created, false);
    assert.deepEqual([user.id, user.name, user.role], [customer.id, 'Cy', 'admin']);
    assert.equal((await findUserByEmail(db.store, ' CUS@example.com '))?.role, 'admin');
  });
});
