import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import { Argon2PasswordHasher } from '../../infra/auth';
import { databaseDrivers } from '../../infra/testing';
import { registerUser, type AccountDeps } from './index';
import { emailClaimStreamOf } from './streams';

const [pglite] = databaseDrivers;
type OpenedDatabase = Awaited<ReturnType<NonNullable<typeof pglite>['open']>>;

describe('registerUser', () => {
  let db: OpenedDatabase;
  let deps: AccountDeps;
  before(async () => {
    db = await pglite!.open();
    deps = { store: db.store, hasher: new Argon2PasswordHasher(), clock: () => new Date() };
  });
  after(() => db.close());

  it('refuses a lone surrogate in any field before its first write: the address stays free', async () => {
    const input = { email: 'lone@example.com', password: 'password-1', name: 'Ann' };
    for (const [field, bad] of [
      ['name', { name: 'Ann \ud800' }],
      ['password', { password: 'password-\udc00' }],
    ] as const) {
      await assert.rejects(
        registerUser(deps, { ...input, ...bad }, {}),
        (error: unknown) =>
          error instanceof AppError &&
          error.code === 'VALIDATION_ERROR' &&
          (error.details as { field: string }[])[0]?.field === field,
      );
      assert.equal(await db.store.streamExists(emailClaimStreamOf(input.email)), false);
    }
    const user = await registerUser(deps, input, {});
    assert.equal(user.name, 'Ann');
  });
});
