import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  eventStreamId,
  type CatalogEvent,
  type EventResource,
  type ShowResource,
  type WaitingRoomSettings,
  type ZoneResource,
} from '../../domain/catalog';
import { databaseDrivers } from '../../infra/testing';
import { addShow, addZone, createEvent, eventOnSale, expectError } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

type User = ReturnType<CatalogApp['signIn']>;
type Listed = Omit<EventResource, 'shows'>;
type AvailableZone = ZoneResource & { available: number };

const day = (n: number) => `2031-07-${String(n).padStart(2, '0')}T19:00:00Z`;

for (const driver of databaseDrivers) {
  describe(`catalog query API on ${driver.name}`, () => {
    let app: CatalogApp;
    let organizer: User, otherOrganizer: User, admin: User, customer: User;
    before(async () => {
      app = await openCatalogApp(driver);
      organizer = app.signIn('organizer');
      otherOrganizer = app.signIn('organizer');
      admin = app.signIn('admin');
      customer = app.signIn('customer');
    });
    after(() => app.close());

    const list = async (query: string) => {
      await app.settle();
      return app.request<Listed[]>('GET', `/events?${query}`);
    };
    const names = (reply: { body: { data: Listed[] } }) => reply.body.data.map((event) => event.name);

    it('lists only published events, soonest first, a page at a time with page meta', async () => {
      const token = organizer.token;
      await eventOnSale(app, token, { name: 'Third', category: 'listing', startsAt: day(3) });
      await eventOnSale(app, token, { name: 'First', category: 'listing', startsAt: day(1) });
      await eventOnSale(app, token, { name: 'Second', category: 'listing', startsAt: day(2) });
      await eventOnSale(app, token, { name: 'Draft', category: 'listing', startsAt: day(1) }, false);
      const { event: gone } = await eventOnSale(app, token, {
        name: 'Gone',
        category: 'listing',
        startsAt: day(1),
      });
      assert.equal((await app.request('POST', `/events/${gone.id}/cancel`, { token })).status, 200);

      const first = await list('category=listing&pageSize=2');
      assert.equal(first.status, 200);
      assert.deepEqual(names(first), ['First', 'Second']);
      assert.deepEqual(first.body.meta, { page: 1, pageSize: 2, total: 3, totalPages: 2 });
      assert.deepEqual(names(await list('category=listing&pageSize=2&page=2')), ['Third']);
      const past = await list('category=listing&pageSize=2&page=3');
      assert.deepEqual(past.body.data, []);
      assert.deepEqual(past.body.meta, { page: 3, pageSize: 2, total: 3, totalPages: 2 });
      assert.equal((await list('')).body.meta?.pageSize, 20, 'twenty per page by default');
    });

    it('searches name, description and venue case-insensitively, taking % and _ literally', async () => {
      const token = organizer.token;
      await eventOnSale(app, token, { name: 'Qwyz Nights', category: 'search' });
      await eventOnSale(app, token, { name: 'B', description: 'The best qWyZ in town', category: 'search' });
      await eventOnSale(app, token, { name: 'C', venue: 'QWYZ Hall', category: 'search' });
      await eventOnSale(app, token, { name: 'D', description: 'Nothing to see', category: 'search' });
      await eventOnSale(app, token, { name: 'E', description: 'Tickets 100% off', category: 'search' });
      await eventOnSale(app, token, { name: 'F', description: 'Tickets 1000 off', category: 'search' });
      assert.deepEqual(names(await list('search=qwyz&category=search')).sort(), ['B', 'C', 'Qwyz Nights']);
      assert.deepEqual(names(await list(`search=${encodeURIComponent('100%')}&category=search`)), ['E']);
      assert.deepEqual(names(await list('search=_&category=search')), []);
      assert.equal(
        (await list('search=&category=search')).body.meta?.total,
        6,
        'an empty search matches all',
      );
    });

    it('filters by category, ignoring case', async () => {
      await eventOnSale(app, organizer.token, { name: 'Derby', category: 'Football' });
      await eventOnSale(app, organizer.token, { name: 'Open', category: 'tennis' });
      assert.deepEqual(names(await list('category=football')), ['Derby']);
    });

    it('answers 400 for a bad page or page size and for an unknown parameter', async () => {
      for (const query of ['pageSize=101', 'page=0', 'page=two', 'sort=name']) {
        expectError(await app.request('GET', `/events?${query}`), 400, 'VALIDATION_ERROR');
      }
    });

    it('shows an event by id or slug with its shows in start order and their zones with availability', async () => {
      const token = organizer.token;
      const event = await createEvent(app, token, { name: 'Detail Test', startsAt: day(10) });
      const later = await addShow(app, token, event.id, day(11));
      const earlier = await addShow(app, token, event.id, day(10));
      const floor = await addZone(app, token, later.id, { name: 'Floor', capacity: 300 });
      const vip = await addZone(app, token, earlier.id, { name: 'VIP', capacity: 20, price: 500000 });
      const published = await app.request<EventResource>('POST', `/events/${event.id}/publish`, { token });
      await app.settle();

      const byId = await app.request<EventResource>('GET', `/events/${event.id}`);
      assert.equal(byId.status, 200);
      const withAvailability = (zone: ZoneResource) => ({ ...zone, available: zone.capacity });
      assert.deepEqual(byId.body.data, {
        ...published.body.data,
        shows: [
          { ...earlier, zones: [withAvailability(vip)] },
          { ...later, zones: [withAvailability(floor)] },
        ],
      });
      const bySlug = await app.request<EventResource>('GET', '/events/detail-test');
      assert.deepEqual(bySlug.body.data, byId.body.data);
      const shows = await app.request<ShowResource[]>('GET', '/events/detail-test/shows');
      assert.deepEqual(shows.body.data, byId.body.data.shows);
    });

    it('carries the waiting room, settings and pause, in the detail and the list; null without one', async () => {
      const token = organizer.token;
      const { event } = await eventOnSale(app, token, { name: 'Room Test', category: 'room' }, false);
      await eventOnSale(app, token, { name: 'No Room Test', category: 'room', startsAt: day(20) });
      const settings: WaitingRoomSettings = {
        enabled: true,
        preQueueOpensAt: '2031-03-01T02:00:00.000Z',
        admissionPerMinute: 120,
        maxInside: 50,
        passLifetimeSeconds: 90,
      };
      const occurredAt = new Date().toISOString();
      // The room's events go straight onto the stream (this is about the read side, not the room's
      // commands); publishing afterwards gives `settle` a checkpoint past them.
      const roomEvents: CatalogEvent[] = [
        { type: 'WaitingRoomConfigured', data: { eventId: event.id, settings, occurredAt } },
        { type: 'WaitingRoomPaused', data: { eventId: event.id, occurredAt } },
      ];
      await app.store.append(eventStreamId(event.id), roomEvents);
      const published = await app.request<EventResource>('POST', `/events/${event.id}/publish`, { token });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      const room = { ...settings, paused: true };
      assert.deepEqual(published.body.data.waitingRoom, room, 'the command answer has the room');

      await app.settle();
      const detail = await app.request<EventResource>('GET', '/events/room-test');
      assert.equal(detail.status, 200);
      assert.deepEqual(detail.body.data.waitingRoom, room);
      const { shows: _shows, ...listed } = detail.body.data;
      const items = (await list('category=room')).body.data;
      assert.deepEqual(
        items.map((item) => [item.name, item.waitingRoom]),
        [
          ['Room Test', room],
          ['No Room Test', null],
        ],
      );
      assert.deepEqual(items[0], listed, 'a listed event is the detail without its shows');
    });

    it('lists the zones of a show with availability', async () => {
      const token = organizer.token;
      const { show, zone } = await eventOnSale(app, token, { name: 'Zones Test' });
      const balcony = await addZone(app, token, show.id, { name: 'Balcony', capacity: 40, currency: 'USD' });
      await app.settle();
      const reply = await app.request<AvailableZone[]>('GET', `/shows/${show.id}/zones`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.data, [
        { ...zone, available: 100 },
        { ...balcony, available: 40 },
      ]);
    });

    it('hides a draft from everyone but its organizer and admins, and shows a cancelled event to all', async () => {
      const { event, show } = await eventOnSale(app, organizer.token, { name: 'Secret Draft' }, false);
      await app.settle();
      for (const token of [undefined, customer.token, otherOrganizer.token]) {
        expectError(await app.request('GET', `/events/${event.id}`, { token }), 404, 'NOT_FOUND');
        expectError(await app.request('GET', `/shows/${show.id}/zones`, { token }), 404, 'NOT_FOUND');
      }
      for (const token of [organizer.token, admin.token]) {
        assert.equal((await app.request('GET', `/events/${event.id}`, { token })).status, 200);
        assert.equal((await app.request('GET', `/shows/${show.id}/zones`, { token })).status, 200);
      }
      await app.request('POST', `/events/${event.id}/cancel`, { token: organizer.token });
      await app.settle();
      const cancelled = await app.request<EventResource>('GET', '/events/secret-draft');
      assert.equal(cancelled.body.data.status, 'cancelled');
    });

    it('answers 404 for an unknown event, slug or show', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await app.request('GET', `/events/${unknown}`), 404, 'NOT_FOUND');
      expectError(await app.request('GET', '/events/no-such-slug'), 404, 'NOT_FOUND');
      expectError(await app.request('GET', `/shows/${unknown}/zones`), 404, 'NOT_FOUND');
      expectError(await app.request('GET', '/shows/x/zones'), 404, 'NOT_FOUND');
    });

    it('stores and returns SQL and HTML in text exactly as sent', async () => {
      const text = {
        name: `<script>alert("owned")</script> O'Neil & Sons`,
        description: `'; DROP TABLE rm_catalog_events; -- <img src=x onerror=alert(1)>`,
        venue: `Robert'); DELETE FROM es_events;--`,
        category: `<b>verbatim</b>`,
      };
      const { event } = await eventOnSale(app, organizer.token, text);
      for (const [field, value] of Object.entries(text)) {
        assert.equal(event[field as keyof typeof text], value, `command answer keeps ${field}`);
      }
      await app.settle();
      const detail = await app.request<EventResource>('GET', `/events/${event.id}`);
      for (const [field, value] of Object.entries(text)) {
        assert.equal(detail.body.data[field as keyof typeof text], value, `read model keeps ${field}`);
      }
      const found = await list(
        `search=${encodeURIComponent('DROP TABLE')}&category=${encodeURIComponent(text.category)}`,
      );
      assert.deepEqual(names(found), [text.name]);
      assert.ok((await app.store.readStream(`event-${event.id}`)).length > 0, 'the log is intact');
    });

    it('answers the same after the read models are rebuilt from the log', async () => {
      await eventOnSale(app, organizer.token, { name: 'Rebuild Test', category: 'rebuild' });
      const before = await list('pageSize=100');
      const detail = await app.request('GET', '/events/rebuild-test');
      await app.rebuildReadModels();
      assert.deepEqual(await list('pageSize=100'), before);
      assert.deepEqual(await app.request('GET', '/events/rebuild-test'), detail);
    });
  });
}
