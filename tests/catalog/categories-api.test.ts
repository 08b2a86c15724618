import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import { createEvent, eventOnSale, expectError } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

for (const driver of databaseDrivers) {
  describe(`GET /categories on ${driver.name}`, () => {
    let app: CatalogApp;
    before(async () => {
      app = await openCatalogApp(driver);
      const { token } = app.signIn('organizer');
      await eventOnSale(app, token, { name: 'Rock A', category: 'Concert' });
      await eventOnSale(app, token, { name: 'Rock B', category: 'concert' });
      await eventOnSale(app, token, { name: 'Derby', category: 'Sport' });
      await eventOnSale(app, token, { name: 'Unsorted', category: null });
      await createEvent(app, token, { name: 'Draft play', category: 'Theatre' });
      const { event: cancelled } = await eventOnSale(app, token, { name: 'Gone', category: 'Opera' });
      const reply = await app.request('POST', `/events/${cancelled.id}/cancel`, { token });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      await app.settle();
    });
    after(() => app.close());

    it('lists the categories of published events with their counts, case folded, drafts and cancelled left out', async () => {
      const reply = await app.request<{ name: string; events: number }[]>('GET', '/categories');
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.data, [
        { name: 'Concert', events: 2 },
        { name: 'Sport', events: 1 },
      ]);
      const listed = await app.request<unknown[]>('GET', '/events?category=CONCERT');
      assert.equal(listed.body.data.length, 2, 'the filter finds every spelling of a listed category');
    });

    it('answers 400 to a query parameter it does not take', async () => {
      expectError(await app.request('GET', '/categories?page=2'), 400, 'VALIDATION_ERROR');
    });
  });
}
