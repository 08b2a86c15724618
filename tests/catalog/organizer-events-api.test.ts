import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  eventStreamId,
  type CatalogEvent,
  type EventResource,
  type WaitingRoomSettings,
} from '../../domain/catalog';
import { databaseDrivers } from '../../infra/testing';
import { createEvent, eventOnSale, expectError } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

type User = ReturnType<CatalogApp['signIn']>;
type Listed = Omit<EventResource, 'shows'>;

const roomSettings: WaitingRoomSettings = {
  enabled: false,
  preQueueOpensAt: '2031-03-01T01:00:00.000Z',
  admissionPerMinute: 300,
  maxInside: 200,
  passLifetimeSeconds: 600,
};

for (const driver of databaseDrivers) {
  describe(`organizer's own events API on ${driver.name}`, () => {
    let app: CatalogApp;
    let organizer: User, otherOrganizer: User, admin: User, customer: User;
    let draft: Listed, published: Listed, cancelled: Listed, othersEvent: Listed;
    before(async () => {
      app = await openCatalogApp(driver);
      organizer = app.signIn('organizer');
      otherOrganizer = app.signIn('organizer');
      admin = app.signIn('admin');
      customer = app.signIn('customer');
      const token = organizer.token;
      const { shows: _shows, ...created } = await createEvent(app, token, { name: 'Own Draft' });
      draft = created;
      ({ event: published } = await eventOnSale(app, token, { name: 'Own Published' }));
      // The room's events go straight onto the stream (this is about the read side, not the room's
      // commands); the commands after them give `settle` a checkpoint past them.
      const occurredAt = new Date().toISOString();
      const roomEvents: CatalogEvent[] = [
        {
          type: 'WaitingRoomConfigured',
          data: { eventId: published.id, settings: roomSettings, occurredAt },
        },
        { type: 'WaitingRoomPaused', data: { eventId: published.id, occurredAt } },
        { type: 'WaitingRoomResumed', data: { eventId: published.id, occurredAt } },
      ];
      await app.store.append(eventStreamId(published.id), roomEvents);
      const { event: toCancel } = await eventOnSale(app, token, { name: 'Own Cancelled' });
      const reply = await app.request<EventResource>('POST', `/events/${toCancel.id}/cancel`, { token });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      cancelled = reply.body.data;
      ({ event: othersEvent } = await eventOnSale(app, otherOrganizer.token, { name: 'Not Mine' }));
      await app.settle();
    });
    after(() => app.close());

    const list = (token: string | undefined, query = '') =>
      app.request<Listed[]>('GET', `/organizer/events${query ? `?${query}` : ''}`, { token });
    const ids = (reply: { body: { data: Listed[] } }) => reply.body.data.map((event) => event.id);

    it("lists the caller's own events of every status, newest created first, with page meta", async () => {
      const reply = await list(organizer.token);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(ids(reply), [cancelled.id, published.id, draft.id]);
      assert.deepEqual(
        reply.body.data.map((event) => event.status),
        ['cancelled', 'published', 'draft'],
      );
      assert.deepEqual(reply.body.meta, { page: 1, pageSize: 20, total: 3, totalPages: 1 });
      assert.deepEqual(ids(await list(otherOrganizer.token)), [othersEvent.id]);
    });

    it('gives each item the same shape as GET /events', async () => {
      const own = (await list(organizer.token, 'status=published')).body.data;
      const search = encodeURIComponent('Own Published');
      const publicList = await app.request<Listed[]>('GET', `/events?search=${search}`);
      assert.equal(publicList.body.data.length, 1);
      assert.deepEqual(own, publicList.body.data);
      const { shows: _shows, ...asCreated } = cancelled as EventResource;
      assert.deepEqual((await list(organizer.token, 'status=cancelled')).body.data, [asCreated]);
    });

    it("carries each event's waiting room, null for an event without one", async () => {
      const reply = await list(organizer.token);
      assert.deepEqual(
        reply.body.data.map((event) => [event.id, event.waitingRoom]),
        [
          [cancelled.id, null],
          [published.id, { ...roomSettings, paused: false }],
          [draft.id, null],
        ],
      );
    });

    it('filters by status', async () => {
      assert.deepEqual(ids(await list(organizer.token, 'status=draft')), [draft.id]);
      assert.deepEqual(ids(await list(organizer.token, 'status=published')), [published.id]);
      assert.deepEqual(ids(await list(organizer.token, 'status=cancelled')), [cancelled.id]);
      const none = await list(otherOrganizer.token, 'status=draft');
      assert.deepEqual(none.body.data, []);
      assert.deepEqual(none.body.meta, { page: 1, pageSize: 20, total: 0, totalPages: 0 });
    });

    it('pages through the list', async () => {
      const first = await list(organizer.token, 'pageSize=2');
      assert.deepEqual(ids(first), [cancelled.id, published.id]);
      assert.deepEqual(first.body.meta, { page: 1, pageSize: 2, total: 3, totalPages: 2 });
      const second = await list(organizer.token, 'pageSize=2&page=2');
      assert.deepEqual(ids(second), [draft.id]);
      assert.deepEqual(second.body.meta, { page: 2, pageSize: 2, total: 3, totalPages: 2 });
      const past = await list(organizer.token, 'pageSize=2&page=3');
      assert.deepEqual(past.body.data, []);
    });

    it('shows an admin every event of every organizer, newest first', async () => {
      const reply = await list(admin.token, 'pageSize=100');
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(ids(reply), [othersEvent.id, cancelled.id, published.id, draft.id]);
      assert.equal(reply.body.meta?.total, 4);
      assert.deepEqual(ids(await list(admin.token, 'status=published')), [othersEvent.id, published.id]);
    });

    it('answers 401 without a token and 403 to a customer', async () => {
      expectError(await list(undefined), 401, 'UNAUTHORIZED');
      expectError(await list(customer.token), 403, 'FORBIDDEN');
    });

    it('answers 400 for an unknown status, a bad page or page size and an unknown parameter', async () => {
      for (const query of ['status=archived', 'status=', 'pageSize=101', 'page=0', 'page=two', 'sort=name']) {
        expectError(await list(organizer.token, query), 400, 'VALIDATION_ERROR');
      }
    });
  });
}
