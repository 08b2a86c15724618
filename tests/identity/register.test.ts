import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SignedIn } from '../../command-side/identity';
import { userStream } from '../../domain/identity';
import { databaseDrivers } from '../../infra/testing';
import { openIdentityApp, uniqueEmail, type IdentityApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`POST /auth/register on ${driver.name}`, () => {
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver);
    });
    after(() => app.close());

    it('creates a customer account and signs it in', async () => {
      const email = uniqueEmail('Ann');
      const reply = await app.request<SignedIn>('POST', '/auth/register', {
        body: { email: ` ${email.toUpperCase()} `, password: 'correct horse', name: 'Ann' },
      });
      assert.equal(reply.status, 201);
      const { user, accessToken, refreshToken, expiresIn } = reply.body.data;
      assert.deepEqual(user, {
        id: user.id,
        email: email.toLowerCase(),
        name: 'Ann',
        role: 'customer',
        locale: 'en',
      });
      assert.match(user.id, /^[0-9a-f-]{36}$/);
      assert.equal(expiresIn, 900);
      assert.ok(refreshToken.length > 40);
      const me = await app.request('GET', '/auth/me', { token: accessToken });
      assert.deepEqual(me.body, { success: true, data: user });
    });

    it('rejects bad input with 400 VALIDATION_ERROR naming each field and why', async () => {
      const reply = await app.request('POST', '/auth/register', {
        body: { email: 'not-an-address', password: 'short', name: '' },
      });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'VALIDATION_ERROR');
      const details = reply.body.error.details as { field: string; reasons: string[] }[];
      assert.deepEqual(details.map((problem) => problem.field).sort(), ['email', 'name', 'password']);
      const reasons = Object.fromEntries(
        details.map((problem) => [problem.field, problem.reasons.join('; ')]),
      );
      assert.match(reasons.email!, /e-mail address/);
      assert.match(reasons.password!, /longer than or equal to 8/);
      assert.match(reasons.name!, /longer than or equal to 1/);
    });

    it('rejects a password longer than 72 characters and a blank name', async () => {
      const long = await app.request('POST', '/auth/register', {
        body: { email: uniqueEmail(), password: 'x'.repeat(73), name: 'Ann' },
      });
      assert.equal(long.status, 400);
      assert.match(JSON.stringify(long.body.error.details), /password/);
      const blank = await app.request('POST', '/auth/register', {
        body: { email: uniqueEmail(), password: 'password-1', name: '   ' },
      });
      assert.equal(blank.status, 400);
      assert.deepEqual(blank.body.error.details, [{ field: 'name', reasons: ['name must not be blank'] }]);
    });

    it('takes the locale from the body, else from an Accept-Language that prefers Thai', async () => {
      const register = (body: Record<string, string>, headers: Record<string, string> = {}) =>
        app.request<SignedIn>('POST', '/auth/register', {
          body: { email: uniqueEmail(), password: 'password-1', name: 'Som', ...body },
          headers,
        });
      assert.equal((await register({ locale: 'th' })).body.data.user.locale, 'th');
      const thai = await register({}, { 'accept-language': 'th-TH,th;q=0.9,en;q=0.8' });
      assert.equal(thai.body.data.user.locale, 'th');
      const [registered] = await app.store.readStream(userStream(thai.body.data.user.id));
      assert.equal((registered!.data as { locale: string }).locale, 'th');
      const chosen = await register({ locale: 'en' }, { 'accept-language': 'th' });
      assert.equal(chosen.body.data.user.locale, 'en', 'the body wins over the header');
      const unknown = await register({ locale: 'fr' });
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.error.details, [
        { field: 'locale', reasons: ['locale must be one of en, th'] },
      ]);
    });

    it('refuses a lone surrogate in the name, e-mail or password before claiming the address', async () => {
      const email = uniqueEmail('surrogate');
      const proper = { email, password: 'password-1', name: 'Ann' };
      for (const [field, bad] of [
        ['name', { name: 'Ann \ud800' }],
        ['email', { email: email.replace('@', '\udc00@') }],
        ['password', { password: 'password-\ud83d' }],
      ] as const) {
        const reply = await app.request('POST', '/auth/register', { body: { ...proper, ...bad } });
        assert.equal(reply.status, 400, JSON.stringify(reply.body));
        assert.equal(reply.body.error.code, 'VALIDATION_ERROR');
        assert.deepEqual(
          (reply.body.error.details as { field: string }[]).map((problem) => problem.field),
          [field],
        );
      }
      const registered = await app.request<SignedIn>('POST', '/auth/register', { body: proper });
      assert.equal(registered.status, 201, 'the refused attempts left the address free');
    });

    it('rejects unknown fields, so nobody registers themselves as admin', async () => {
      const reply = await app.request('POST', '/auth/register', {
        body: { email: uniqueEmail(), password: 'password-1', name: 'Mallory', role: 'admin' },
      });
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.body.error.details, [
        { field: 'role', reasons: ['property role should not exist'] },
      ]);
    });

    it('stores and returns SQL and HTML in a name verbatim', async () => {
      const name = `Robert'); DROP TABLE es_events;-- <script>alert("x")</script> &amp;`;
      const { user, accessToken } = await app.register({ name });
      assert.equal(user.name, name);
      const response = await fetch(`${app.url}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(((await response.json()) as { data: { name: string } }).data.name, name);
      const [registered] = await app.store.readStream(userStream(user.id));
      assert.equal((registered!.data as { name: string }).name, name);
    });

    it('records who registered, from where, with which user agent and correlation id', async () => {
      const reply = await app.request<SignedIn>('POST', '/auth/register', {
        body: { email: uniqueEmail(), password: 'password-1', name: 'Ann' },
        headers: { 'user-agent': 'identity-tests/1.0', 'x-correlation-id': 'corr-register-1' },
      });
      const { id } = reply.body.data.user;
      const [registered] = await app.store.readStream(userStream(id));
      assert.equal(registered!.type, 'UserRegistered');
      const { metadata } = registered!;
      assert.equal(metadata.userId, id);
      assert.match(String(metadata.ip), /127\.0\.0\.1/);
      assert.equal(metadata.userAgent, 'identity-tests/1.0');
      assert.equal(metadata.correlationId, 'corr-register-1');
    });

    it('keeps the password hash out of the user stream', async () => {
      const { user } = await app.register({ password: 'a very secret one' });
      const events = await app.store.readStream(userStream(user.id));
      assert.doesNotMatch(JSON.stringify(events), /argon2|secret one/);
    });
  });
}
