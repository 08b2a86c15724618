import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { emailClaimStreamOf, type SignedIn } from '../../command-side/identity';
import { claimCompletionGraceMs, userStream } from '../../domain/identity';
import { databaseDrivers } from '../../infra/testing';
import { openIdentityApp, uniqueEmail, type IdentityApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`one account per e-mail address on ${driver.name}`, () => {
    let app: IdentityApp;
    before(async () => {
      app = await openIdentityApp(driver);
    });
    after(() => app.close());

    it('answers 409 EMAIL_TAKEN for an address already registered, whatever its case and spacing', async () => {
      const email = uniqueEmail();
      await app.register({ email });
      const reply = await app.request('POST', '/auth/register', {
        body: { email: `  ${email.toUpperCase()}`, password: 'another password', name: 'Bo' },
      });
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error.code, 'EMAIL_TAKEN');
    });

    it('lets exactly one of 20 concurrent registrations of one address win; the 19 others get EMAIL_TAKEN', async () => {
      const email = uniqueEmail('race');
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          app.request<SignedIn>('POST', '/auth/register', {
            body: { email, password: `password-${index}`, name: `Racer ${index}` },
          }),
        ),
      );
      const statuses = replies.map((reply) => reply.status).sort();
      assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
      assert.ok(
        replies
          .filter((reply) => reply.status === 409)
          .every((reply) => reply.body.error.code === 'EMAIL_TAKEN'),
      );
      const winner = replies.find((reply) => reply.status === 201)!.body.data.user;
      const index = Number(winner.name.replace('Racer ', ''));
      const login = await app.request<SignedIn>('POST', '/auth/login', {
        body: { email, password: `password-${index}` },
      });
      assert.equal(login.status, 200);
      assert.equal(login.body.data.user.id, winner.id);
    });

    describe('an e-mail claim whose registration died before writing its user', () => {
      async function orphanClaim(email: string, ageMs: number): Promise<string> {
        const userId = randomUUID();
        const claimedAt = new Date(Date.now() - ageMs).toISOString();
        await app.store.append(
          emailClaimStreamOf(email),
          [{ type: 'EmailClaimed', data: { email, userId, claimedAt } }],
          'no_stream',
        );
        return userId;
      }

      it('is completed by the next registration of the address once the grace period passed', async () => {
        const email = uniqueEmail('orphan');
        const claimedId = await orphanClaim(email, claimCompletionGraceMs + 1000);
        const { user } = await app.register({ email, name: 'Second try' });
        assert.equal(user.id, claimedId);
        assert.equal(await app.store.streamExists(userStream(claimedId)), true);
      });

      it('still counts as a registration in progress within the grace period', async () => {
        const email = uniqueEmail('inflight');
        await orphanClaim(email, 1000);
        const reply = await app.request('POST', '/auth/register', {
          body: { email, password: 'password-1', name: 'Eve' },
        });
        assert.equal(reply.status, 409);
        assert.equal(reply.body.error.code, 'EMAIL_TAKEN');
      });

      it('is completed by exactly one of 10 concurrent registrations', async () => {
        const email = uniqueEmail('orphan-race');
        const claimedId = await orphanClaim(email, claimCompletionGraceMs + 1000);
        const replies = await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            app.request<SignedIn>('POST', '/auth/register', {
              body: { email, password: `password-${index}`, name: `N${index}` },
            }),
          ),
        );
        const winners = replies.filter((reply) => reply.status === 201);
        assert.equal(winners.length, 1);
        assert.equal(winners[0]!.body.data.user.id, claimedId);
        assert.ok(
          replies
            .filter((reply) => reply.status !== 201)
            .every((reply) => reply.body.error?.code === 'EMAIL_TAKEN'),
        );
        const password = `password-${winners[0]!.body.data.user.name.slice(1)}`;
        assert.equal((await app.request('POST', '/auth/login', { body: { email, password } })).status, 200);
      });
    });
  });
}
