import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SignedIn } from '../../command-side/identity';
import { sessionStream } from '../../domain/identity';
import { Argon2PasswordHasher } from '../../infra/auth';
import type { PasswordHasher } from '../../infra/ports/auth';
import { databaseDrivers } from '../../infra/testing';
import { openIdentityApp, uniqueEmail, type IdentityApp } from './harness';

/** The real hasher, counting how often a password is checked. */
class CountingHasher implements PasswordHasher {
  verifications = 0;
  private readonly inner = new Argon2PasswordHasher();
  hash(password: string) {
    return this.inner.hash(password);
  }
  verify(hash: string, password: string) {
    this.verifications++;
    return this.inner.verify(hash, password);
  }
}

for (const driver of databaseDrivers) {
  describe(`POST /auth/login on ${driver.name}`, () => {
    const hasher = new CountingHasher();
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver, { hasher });
    });
    after(() => app.close());

    it('signs in with the right password, any case of the address, and records a new session', async () => {
      const account = await app.register();
      const reply = await app.request<SignedIn>('POST', '/auth/login', {
        body: { email: account.user.email.toUpperCase(), password: account.password },
        headers: { 'user-agent': 'login-test', 'x-correlation-id': 'corr-login-1' },
      });
      assert.equal(reply.status, 200);
      const { user, accessToken, refreshToken, expiresIn } = reply.body.data;
      assert.deepEqual(user, account.user);
      assert.equal(expiresIn, 900);
      assert.notEqual(refreshToken, account.refreshToken);
      assert.equal((await app.request('GET', '/auth/me', { token: accessToken })).status, 200);
      const [started] = await app.store.readStream(sessionStream(refreshToken.split('.')[0]!));
      assert.equal(started!.type, 'SessionStarted');
      assert.equal(started!.metadata.userId, user.id);
      assert.equal(started!.metadata.correlationId, 'corr-login-1');
      assert.doesNotMatch(JSON.stringify(started!.data), new RegExp(refreshToken.split('.')[1]!));
    });

    it('answers a wrong password and an unknown address with the same 401, after checking a password either way', async () => {
      const account = await app.register();
      const before = hasher.verifications;
      const wrong = await app.request('POST', '/auth/login', {
        body: { email: account.user.email, password: 'not the one' },
      });
      const unknown = await app.request('POST', '/auth/login', {
        body: { email: uniqueEmail('nobody'), password: 'not the one' },
      });
      assert.equal(wrong.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.deepEqual(wrong.body.error, { code: 'UNAUTHORIZED', message: 'Invalid e-mail or password' });
      assert.equal(hasher.verifications - before, 2, 'the unknown address was checked against a dummy hash');
    });

    it('rejects a body that is not an e-mail and password with 400', async () => {
      const reply = await app.request('POST', '/auth/login', { body: { email: 'ann', password: 7 } });
      assert.equal(reply.status, 400);
      const fields = (reply.body.error.details as { field: string }[]).map((problem) => problem.field).sort();
      assert.deepEqual(fields, ['email', 'password']);
    });
  });

  describe(`repeated failed logins on ${driver.name}`, () => {
    // Each case on its own app: the throttle counts every failure from this test's one ip.
    async function withApp(test: (app: IdentityApp) => Promise<void>): Promise<void> {
      const app = await openIdentityApp(driver);
      try {
        await test(app);
      } finally {
        await app.close();
      }
    }

    it('answer 429 RATE_LIMITED with Retry-After after 5 failures for one account, even with the right password', () =>
      withApp(async (app) => {
        const account = await app.register();
        const attempt = (password: string) =>
          app.request('POST', '/auth/login', { body: { email: account.user.email, password } });
        for (let failure = 0; failure < 5; failure++)
          assert.equal((await attempt('wrong password')).status, 401);
        const limited = await attempt(account.password);
        assert.equal(limited.status, 429);
        assert.equal(limited.body.error.code, 'RATE_LIMITED');
        const retryAfter = Number(limited.headers.get('retry-after'));
        assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
        assert.deepEqual(limited.body.error.details, { retryAfterSeconds: retryAfter });
      }));

    it('answer 429 after 20 failures from one ip across many addresses', () =>
      withApp(async (app) => {
        const attempt = () =>
          app.request('POST', '/auth/login', {
            body: { email: uniqueEmail('spray'), password: 'guess-1234' },
          });
        for (let failure = 0; failure < 20; failure++) assert.equal((await attempt()).status, 401);
        const next = await attempt();
        assert.equal(next.status, 429);
        assert.ok(Number(next.headers.get('retry-after')) > 0);
      }));
  });
}
