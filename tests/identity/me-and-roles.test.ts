import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { SignedIn, UserView } from '../../command-side/identity';
import { userStream } from '../../domain/identity';
import { databaseDrivers } from '../../infra/testing';
import { openIdentityApp, type IdentityApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`GET and PUT /auth/me on ${driver.name}`, () => {
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver);
    });
    after(() => app.close());

    it('answers the signed-in user', async () => {
      const account = await app.register({ name: 'Ann' });
      const reply = await app.request<UserView>('GET', '/auth/me', { token: account.accessToken });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.data, account.user);
    });

    it('renames the signed-in user, recording who did it, and keeps SQL and HTML verbatim', async () => {
      const account = await app.register({ name: 'Ann' });
      const name = `<img src=x onerror=alert(1)> ' OR 1=1; --`;
      const reply = await app.request<UserView>('PUT', '/auth/me', {
        token: account.accessToken,
        body: { name },
        headers: { 'user-agent': 'rename-test', 'x-correlation-id': 'corr-rename-1' },
      });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.data, { ...account.user, name });
      assert.equal(
        (await app.request<UserView>('GET', '/auth/me', { token: account.accessToken })).body.data.name,
        name,
      );
      const renamed = (await app.store.readStream(userStream(account.user.id))).at(-1)!;
      assert.equal(renamed.type, 'UserRenamed');
      assert.equal(renamed.metadata.userId, account.user.id);
      assert.equal(renamed.metadata.userAgent, 'rename-test');
      assert.equal(renamed.metadata.correlationId, 'corr-rename-1');
      assert.match(String(renamed.metadata.ip), /127\.0\.0\.1/);
    });

    it('rejects a rename without a name, with an unknown field, or with a blank name', async () => {
      const { accessToken } = await app.register();
      const missing = await app.request('PUT', '/auth/me', { token: accessToken, body: {} });
      assert.equal(missing.status, 400);
      assert.equal((missing.body.error.details as { field: string }[])[0]!.field, 'name');
      const extra = await app.request('PUT', '/auth/me', {
        token: accessToken,
        body: { name: 'Bo', role: 'admin' },
      });
      assert.equal(extra.status, 400);
      assert.deepEqual(extra.body.error.details, [
        { field: 'role', reasons: ['property role should not exist'] },
      ]);
      assert.equal(
        (await app.request('PUT', '/auth/me', { token: accessToken, body: { name: ' ' } })).status,
        400,
      );
    });

    it('refuses a name with a lone surrogate with 400 naming the field, and keeps the old name', async () => {
      const account = await app.register({ name: 'Ann' });
      const reply = await app.request('PUT', '/auth/me', {
        token: account.accessToken,
        body: { name: 'Ann \udfff' },
      });
      assert.equal(reply.status, 400, JSON.stringify(reply.body));
      assert.deepEqual(
        (reply.body.error.details as { field: string }[]).map((problem) => problem.field),
        ['name'],
      );
      const me = await app.request<UserView>('GET', '/auth/me', { token: account.accessToken });
      assert.equal(me.body.data.name, 'Ann');
    });

    it('changes the locale of e-mails, alone or with the name, and refuses an unknown one', async () => {
      const account = await app.register({ name: 'Ann' });
      const put = (body: unknown) =>
        app.request<UserView>('PUT', '/auth/me', { token: account.accessToken, body });
      const thai = await put({ locale: 'th' });
      assert.equal(thai.status, 200);
      assert.deepEqual(thai.body.data, { ...account.user, locale: 'th' });
      const both = await put({ name: 'Ann B', locale: 'en' });
      assert.deepEqual(both.body.data, { ...account.user, name: 'Ann B', locale: 'en' });
      const types = (await app.store.readStream(userStream(account.user.id))).map((event) => event.type);
      assert.deepEqual(types.slice(-3), ['UserLocaleChanged', 'UserRenamed', 'UserLocaleChanged']);
      const unknown = await put({ locale: 'jp' });
      assert.equal(unknown.status, 400);
      assert.equal((unknown.body.error.details as { field: string }[])[0]!.field, 'locale');
    });

    it('answers 401 UNAUTHORIZED without a token or with a malformed Authorization header', async () => {
      const variants: Record<string, string>[] = [
        {},
        { authorization: 'Basic YW5uOnB3' },
        { authorization: 'Bearer' },
      ];
      for (const headers of variants) {
        const reply = await app.request('GET', '/auth/me', { headers });
        assert.equal(reply.status, 401, JSON.stringify(headers));
        assert.equal(reply.body.error.code, 'UNAUTHORIZED');
      }
      assert.equal((await app.request('PUT', '/auth/me', { body: { name: 'x' } })).status, 401);
    });
  });

  describe(`PUT /admin/users/:id/role on ${driver.name}`, () => {
    let app: IdentityApp;
    let admin: SignedIn;
    before(async () => {
      app = await openIdentityApp(driver);
      admin = await app.signedIn('admin');
    });
    after(() => app.close());

    const setRole = (id: string, body: unknown, token = admin.accessToken) =>
      app.request<UserView>('PUT', `/admin/users/${id}/role`, { token, body });

    it('lets an admin make a customer an organizer, recording the admin in the metadata', async () => {
      const account = await app.register();
      const reply = await setRole(account.user.id, { role: 'organizer' });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.data, { ...account.user, role: 'organizer' });
      const changed = (await app.store.readStream(userStream(account.user.id))).at(-1)!;
      assert.equal(changed.type, 'UserRoleChanged');
      assert.equal((changed.data as { changedBy: string }).changedBy, admin.user.id);
      assert.equal(changed.metadata.userId, admin.user.id);
      // The new role reaches the user's next access token.
      const refreshed = await app.request<SignedIn>('POST', '/auth/refresh', {
        body: { refreshToken: account.refreshToken },
      });
      assert.equal(refreshed.body.data.user.role, 'organizer');
      const me = await app.request<UserView>('GET', '/auth/me', { token: refreshed.body.data.accessToken });
      assert.equal(me.body.data.role, 'organizer');
    });

    it("refuses the user's access tokens of the old role at once; the refreshed one carries the new role", async () => {
      const account = await app.register();
      const refreshed = (
        await app.request<SignedIn>('POST', '/auth/refresh', { body: { refreshToken: account.refreshToken } })
      ).body.data;
      assert.equal((await setRole(account.user.id, { role: 'organizer' })).status, 200);
      for (const token of [account.accessToken, refreshed.accessToken]) {
        const stale = await app.request('GET', '/auth/me', { token });
        assert.equal(stale.status, 401, 'a token that still says customer');
        assert.match(stale.body.error.message, /revoked/);
      }
      const next = await app.request<SignedIn>('POST', '/auth/refresh', {
        body: { refreshToken: refreshed.refreshToken },
      });
      assert.equal(next.status, 200, 'the refresh token is not revoked');
      const me = await app.request<UserView>('GET', '/auth/me', { token: next.body.data.accessToken });
      assert.equal(me.body.data.role, 'organizer');

      const demoted = await app.signedIn('admin');
      assert.equal((await setRole(demoted.user.id, { role: 'customer' })).status, 200);
      const asAdmin = await setRole(account.user.id, { role: 'admin' }, demoted.accessToken);
      assert.equal(asAdmin.status, 401, 'a demoted admin can no longer act as one');
    });

    it('answers 403 FORBIDDEN to a customer and an organizer', async () => {
      const target = await app.register();
      const customer = await app.signedIn('customer');
      const organizer = await app.signedIn('organizer');
      for (const token of [customer.accessToken, organizer.accessToken]) {
        const reply = await setRole(target.user.id, { role: 'admin' }, token);
        assert.equal(reply.status, 403);
        assert.equal(reply.body.error.code, 'FORBIDDEN');
      }
    });

    it('answers 401 without a token', async () => {
      const reply = await app.request('PUT', `/admin/users/${randomUUID()}/role`, {
        body: { role: 'admin' },
      });
      assert.equal(reply.status, 401);
    });

    it('answers 404 NOT_FOUND for an unknown user id, uuid or not', async () => {
      for (const id of [randomUUID(), 'not-a-user', '%20']) {
        const reply = await setRole(id, { role: 'organizer' });
        assert.equal(reply.status, 404, id);
        assert.equal(reply.body.error.code, 'NOT_FOUND');
      }
    });

    it('answers 400 for a role that does not exist', async () => {
      const account = await app.register();
      const reply = await setRole(account.user.id, { role: 'root' });
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.body.error.details, [
        { field: 'role', reasons: ['role must be one of customer, organizer, admin'] },
      ]);
    });

    it('answers 409 INVALID_STATE when an admin tries to change their own role', async () => {
      const reply = await setRole(admin.user.id, { role: 'customer' });
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error.code, 'INVALID_STATE');
    });
  });
}
