// What the security probe sent the catalog API that answered 500 (or was taken and changed) before the
// HTTP edge refused it: each now a 400 (or 405) in the error envelope, with nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import { eventBody, expectError } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`malformed requests to the catalog API on ${driver.name}`, () => {
    let app: CatalogApp;
    let organizer: ReturnType<CatalogApp['signIn']>;
    before(async () => {
      app = await openCatalogApp(driver);
      organizer = app.signIn('organizer');
    });
    after(() => app.close());

    const eventsStored = async () => (await app.store.readAll({ limit: 1000 })).events.length;

    it('refuses a path parameter that is not valid percent-encoding', async () => {
      for (const path of ['/events/%', '/events/%E0%A4%A/shows', '/shows/%zz/zones']) {
        expectError(await app.request('GET', path), 400, 'VALIDATION_ERROR');
      }
    });

    it('refuses a NUL character in the query or a slug before it reaches the database', async () => {
      for (const path of ['/events?search=%00', '/events?category=concert%00', '/events/rock%00night']) {
        expectError(await app.request('GET', path), 400, 'VALIDATION_ERROR');
      }
    });

    it('refuses a name with a lone surrogate or a NUL character, naming the field, before any write', async () => {
      const before = await eventsStored();
      const surrogate = JSON.stringify(eventBody({ name: 'X' })).replace('"X"', '"Rock \\ud800"');
      for (const rawBody of [surrogate, JSON.stringify(eventBody({ name: 'Rock\u0000Night' }))]) {
        const details = expectError(
          await app.request('POST', '/events', { token: organizer.token, rawBody }),
          400,
          'VALIDATION_ERROR',
        );
        assert.deepEqual(
          (details as { field: string }[]).map((problem) => problem.field),
          ['name'],
        );
      }
      assert.equal(await eventsStored(), before, 'nothing appended');
    });

    it('refuses an impossible date instead of moving it to another day', async () => {
      const reply = await app.request('POST', '/events', {
        token: organizer.token,
        body: eventBody({ startsAt: '2031-02-30T19:00:00Z', saleEndsAt: '2031-02-28T18:00:00Z' }),
      });
      const details = expectError(reply, 400, 'VALIDATION_ERROR') as { field: string }[];
      assert.deepEqual(
        details.map((problem) => problem.field),
        ['startsAt'],
      );
    });

    it('refuses JSON nested thousands of levels deep', async () => {
      const deep = `{"name":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const reply = await app.request('POST', '/events', { token: organizer.token, rawBody: deep });
      expectError(reply, 400, 'VALIDATION_ERROR');
      assert.equal(reply.body.error.message, 'Request body is nested deeper than 32 levels');
    });

    it('answers a method the path does not have with 405 and the methods it has', async () => {
      const reply = await app.request('DELETE', '/events/some-event');
      expectError(reply, 405, 'METHOD_NOT_ALLOWED');
      assert.deepEqual(reply.body.error.details, { allowed: ['GET', 'HEAD', 'PUT'] });
    });
  });
}
