import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SignedIn } from '../../command-side/identity';
import { refreshTokenTtlMs, sessionStream } from '../../domain/identity';
import { databaseDrivers } from '../../infra/testing';
import { openIdentityApp, type IdentityApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`refresh and logout on ${driver.name}`, () => {
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver);
    });
    after(() => app.close());

    const refresh = (refreshToken: string) =>
      app.request<SignedIn>('POST', '/auth/refresh', { body: { refreshToken } });
    const logout = (refreshToken: string, token?: string) =>
      app.request('POST', '/auth/logout', { body: { refreshToken }, token });

    it('exchanges a refresh token for a new pair; the old refresh token stops working', async () => {
      const account = await app.register();
      const first = await refresh(account.refreshToken);
      assert.equal(first.status, 200);
      const { user, accessToken, refreshToken, expiresIn } = first.body.data;
      assert.deepEqual(user, account.user);
      assert.equal(expiresIn, 900);
      assert.notEqual(refreshToken, account.refreshToken);
      assert.equal((await app.request('GET', '/auth/me', { token: accessToken })).status, 200);
      assert.equal((await refresh(refreshToken)).status, 200, 'the new token works once');
    });

    it('revokes the whole family when a rotated token is used again: every token of that sign-in stops working', async () => {
      const account = await app.register();
      const second = (await refresh(account.refreshToken)).body.data.refreshToken;
      const reused = await refresh(account.refreshToken);
      assert.equal(reused.status, 401);
      assert.equal(reused.body.error.code, 'UNAUTHORIZED');
      assert.match(reused.body.error.message, /already used/);
      const newest = await refresh(second);
      assert.equal(newest.status, 401, 'the newest token of the family is revoked too');
      const events = await app.store.readStream(sessionStream(second.split('.')[0]!));
      assert.deepEqual(
        events.map((event) => event.type),
        ['SessionStarted', 'RefreshTokenRotated', 'SessionRevoked'],
      );
    });

    it('leaves other sign-ins of the same user working when one family is revoked', async () => {
      const account = await app.register();
      const other = await app.request<SignedIn>('POST', '/auth/login', {
        body: { email: account.user.email, password: account.password },
      });
      await refresh(account.refreshToken);
      assert.equal((await refresh(account.refreshToken)).status, 401);
      assert.equal((await refresh(other.body.data.refreshToken)).status, 200);
    });

    it('refuses a refresh token after its 7 days', async () => {
      const account = await app.register();
      app.advance(refreshTokenTtlMs);
      try {
        const expired = await refresh(account.refreshToken);
        assert.equal(expired.status, 401);
        assert.match(expired.body.error.message, /expired/);
      } finally {
        app.advance(-refreshTokenTtlMs);
      }
    });

    it('refuses unknown and malformed refresh tokens with 401, and a missing one with 400', async () => {
      const account = await app.register();
      const [sessionId] = account.refreshToken.split('.');
      assert.equal((await refresh(`${sessionId}.forged`)).status, 401);
      assert.equal((await refresh('no-dot-in-here')).status, 401);
      assert.equal((await refresh('../../etc.passwd')).status, 401);
      const missing = await app.request('POST', '/auth/refresh', { body: {} });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.code, 'VALIDATION_ERROR');
    });

    it('logs out: the refresh token stops working; logging out again is harmless', async () => {
      const account = await app.register();
      const reply = await logout(account.refreshToken, account.accessToken);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { success: true, data: { loggedOut: true } });
      assert.equal((await refresh(account.refreshToken)).status, 401);
      // The signed-out session's access token is refused now: sign in again to repeat the logout.
      const again = await app.request<SignedIn>('POST', '/auth/login', {
        body: { email: account.user.email, password: account.password },
      });
      assert.equal((await logout(account.refreshToken, again.body.data.accessToken)).status, 200);
      const events = await app.store.readStream(sessionStream(account.refreshToken.split('.')[0]!));
      assert.equal(events.at(-1)!.type, 'SessionEnded');
      assert.equal(events.at(-1)!.metadata.userId, account.user.id);
    });

    it('logs out every access token of that sign-in at once, and only of that one', async () => {
      const account = await app.register();
      const refreshed = (await refresh(account.refreshToken)).body.data;
      const elsewhere = await app.request<SignedIn>('POST', '/auth/login', {
        body: { email: account.user.email, password: account.password },
      });
      const me = (token: string) => app.request('GET', '/auth/me', { token });
      assert.equal((await me(account.accessToken)).status, 200);
      assert.equal((await logout(refreshed.refreshToken, refreshed.accessToken)).status, 200);
      for (const token of [account.accessToken, refreshed.accessToken]) {
        const reply = await me(token);
        assert.equal(reply.status, 401, 'an access token of the signed-out session');
        assert.equal(reply.body.error.code, 'UNAUTHORIZED');
        assert.match(reply.body.error.message, /revoked/);
      }
      assert.equal((await me(elsewhere.body.data.accessToken)).status, 200, 'the other sign-in');
    });

    it('refuses the access tokens of a family revoked for a reused refresh token', async () => {
      const account = await app.register();
      const second = (await refresh(account.refreshToken)).body.data;
      assert.equal((await refresh(account.refreshToken)).status, 401);
      for (const token of [account.accessToken, second.accessToken]) {
        assert.equal((await app.request('GET', '/auth/me', { token })).status, 401);
      }
    });

    it("needs a signed-in user, and refuses to log out someone else's session", async () => {
      const ann = await app.register();
      const bo = await app.register();
      assert.equal((await logout(ann.refreshToken)).status, 401);
      const foreign = await logout(ann.refreshToken, bo.accessToken);
      assert.equal(foreign.status, 401);
      assert.equal((await refresh(ann.refreshToken)).status, 200, "ann's session is untouched");
    });
  });
}
