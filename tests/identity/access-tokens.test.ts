import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { JwtAccessTokens, accessTokenShape } from '../../infra/auth';
import { databaseDrivers } from '../../infra/testing';
import { jwtSecret, openIdentityApp, type IdentityApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`bearer tokens on the identity API on ${driver.name}`, () => {
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver);
    });
    after(() => app.close());

    async function assertRejected(token: string, message: RegExp): Promise<void> {
      const reply = await app.request('GET', '/auth/me', { token });
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error.code, 'UNAUTHORIZED');
      assert.match(reply.body.error.message, message);
    }

    it('accepts the access token the API issued', async () => {
      const { accessToken } = await app.register();
      assert.equal((await app.request('GET', '/auth/me', { token: accessToken })).status, 200);
    });

    it('refuses a token signed with another key', async () => {
      const { user } = await app.register();
      const other = new JwtAccessTokens('a-different-secret-of-32-characters!!');
      const { accessToken } = await other.issue({
        userId: user.id,
        email: user.email,
        role: 'admin',
        tenantId: 'default',
      });
      await assertRejected(accessToken, /not valid/);
    });

    it('refuses an expired token', async () => {
      const { user } = await app.register();
      const past = new JwtAccessTokens(jwtSecret, { clock: () => new Date(Date.now() - 20 * 60_000) });
      const { accessToken } = await past.issue({
        userId: user.id,
        email: user.email,
        role: user.role,
        tenantId: 'default',
      });
      await assertRejected(accessToken, /expired/);
    });

    it('refuses a token of another audience signed with the same key (a queue pass)', async () => {
      const { user } = await app.register();
      const now = Math.floor(Date.now() / 1000);
      const pass = await new SignJWT({
        email: user.email,
        role: user.role,
        tenantId: 'default',
        kind: 'queue_pass',
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'queue-pass+jwt' })
        .setSubject(user.id)
        .setIssuer(accessTokenShape.issuer)
        .setAudience('booking-rush:queue')
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode(jwtSecret));
      await assertRejected(pass, /not valid/);
    });

    it('refuses a malformed token', async () => {
      await assertRejected('abc.def.ghi', /not valid/);
    });
  });
}
