import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ShowResource, ZoneResource } from '../../domain/catalog';
import pg from 'pg';
import { databaseDrivers, testServerUrl } from '../../infra/testing';
import { addShow, createEvent, eventOnSale, expectError, zoneBody } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

type User = ReturnType<CatalogApp['signIn']>;
const unknownId = '00000000-0000-4000-8000-000000000000';

for (const driver of databaseDrivers) {
  describe(`catalog shows and zones API on ${driver.name}`, () => {
    let app: CatalogApp;
    let organizer: User, otherOrganizer: User, admin: User, customer: User;
    const seatsTaken = new Map<string, number>();
    before(async () => {
      app = await openCatalogApp(driver, {
        seatsTaken: { seatsTaken: async (zoneId) => seatsTaken.get(zoneId) ?? 0 },
      });
      organizer = app.signIn('organizer');
      otherOrganizer = app.signIn('organizer');
      admin = app.signIn('admin');
      customer = app.signIn('customer');
    });
    after(() => app.close());

    it('adds a show to an event', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Show Test' });
      const reply = await app.request<ShowResource>('POST', `/events/${event.id}/shows`, {
        token: organizer.token,
        body: { startsAt: '2031-06-02T02:00:00+07:00', name: 'Matinee' },
      });
      assert.equal(reply.status, 201);
      const { id, ...rest } = reply.body.data;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(rest, {
        eventId: event.id,
        name: 'Matinee',
        startsAt: '2031-06-01T19:00:00.000Z',
        zones: [],
      });
    });

    it('answers 400 for a show before the event starts, without a start, or with an unknown field', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Early Show Test' });
      const path = `/events/${event.id}/shows`;
      const token = organizer.token;
      const early = await app.request('POST', path, { token, body: { startsAt: '2031-06-01T18:00:00Z' } });
      assert.deepEqual(expectError(early, 400, 'VALIDATION_ERROR'), [
        { field: 'startsAt', reasons: ['must not be before the event starts (2031-06-01T19:00:00.000Z)'] },
      ]);
      const missing = await app.request('POST', path, { token, body: { name: 'No time' } });
      assert.deepEqual(
        (expectError(missing, 400, 'VALIDATION_ERROR') as Array<{ field: string }>).map(
          (problem) => problem.field,
        ),
        ['startsAt'],
      );
      const extra = await app.request('POST', path, {
        token,
        body: { startsAt: '2031-06-01T19:00:00Z', seats: 5 },
      });
      expectError(extra, 400, 'VALIDATION_ERROR');
    });

    it('answers 404 for a show on an unknown event, 401 without a token and 403 to others', async () => {
      const body = { startsAt: '2031-06-01T19:00:00Z' };
      expectError(
        await app.request('POST', `/events/${unknownId}/shows`, { token: organizer.token, body }),
        404,
        'NOT_FOUND',
      );
      const event = await createEvent(app, organizer.token, { name: 'Guarded Show Test' });
      expectError(await app.request('POST', `/events/${event.id}/shows`, { body }), 401, 'UNAUTHORIZED');
      for (const user of [otherOrganizer, customer]) {
        const reply = await app.request('POST', `/events/${event.id}/shows`, { token: user.token, body });
        expectError(reply, 403, 'FORBIDDEN');
      }
    });

    it('adds a zone right after its show was created; ZoneCreated carries what the inventory needs', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Zone Test' });
      const show = await addShow(app, organizer.token, event.id);
      const reply = await app.request<ZoneResource>('POST', `/shows/${show.id}/zones`, {
        token: organizer.token,
        body: zoneBody({ name: 'VIP', price: 0, currency: 'EUR', capacity: 5 }),
      });
      assert.equal(reply.status, 201);
      const zone = reply.body.data;
      assert.deepEqual(zone, {
        id: zone.id,
        showId: show.id,
        eventId: event.id,
        name: 'VIP',
        price: 0,
        currency: 'EUR',
        capacity: 5,
      });
      const [last] = await app.store.readStream(`event-${event.id}`, { direction: 'backwards', limit: 1 });
      assert.equal(last?.type, 'ZoneCreated');
      assert.deepEqual(
        { ...(last?.data as object), occurredAt: undefined },
        {
          eventId: event.id,
          showId: show.id,
          zoneId: zone.id,
          name: 'VIP',
          price: 0,
          currency: 'EUR',
          capacity: 5,
          occurredAt: undefined,
        },
      );
    });

    if (driver.name === 'PostgreSQL') {
      it('finds a show created a moment ago while an open transaction holds the read horizon back', async () => {
        // Another session with a transaction id: no reader of the global log gets past it until it ends.
        const blocker = new pg.Client({ connectionString: testServerUrl() });
        await blocker.connect();
        try {
          await blocker.query('BEGIN');
          await blocker.query('SELECT pg_current_xact_id()');
          const event = await createEvent(app, organizer.token, { name: 'Horizon Test' });
          const show = await addShow(app, organizer.token, event.id);
          const zone = await app.request<ZoneResource>('POST', `/shows/${show.id}/zones`, {
            token: organizer.token,
            body: zoneBody(),
          });
          assert.equal(zone.status, 201, JSON.stringify(zone.body));
          const update = await app.request('PUT', `/zones/${zone.body.data.id}`, {
            token: organizer.token,
            body: { price: 5 },
          });
          assert.equal(update.status, 200, JSON.stringify(update.body));
          const head = await app.store.head();
          const [created] = await app.store.readStream(`event-${event.id}`, { limit: 1 });
          assert.ok(head.checkpoint < created!.checkpoint, 'the log reader could not see the new event yet');
        } finally {
          await blocker.query('ROLLBACK');
          await blocker.end();
        }
      });
    }

    it('answers 400 naming bad zone fields: negative or fractional price, bad currency, no capacity', async () => {
      const { show } = await eventOnSale(app, organizer.token, { name: 'Bad Zone Test' }, false);
      const reply = await app.request('POST', `/shows/${show.id}/zones`, {
        token: organizer.token,
        body: { name: '', price: -1, currency: 'thb', capacity: 0 },
      });
      const details = expectError(reply, 400, 'VALIDATION_ERROR') as Array<{ field: string }>;
      assert.deepEqual(details.map((problem) => problem.field).sort(), [
        'capacity',
        'currency',
        'name',
        'price',
      ]);
      const fractional = await app.request('POST', `/shows/${show.id}/zones`, {
        token: organizer.token,
        body: zoneBody({ price: 10.5 }),
      });
      expectError(fractional, 400, 'VALIDATION_ERROR');
      const asText = await app.request('POST', `/shows/${show.id}/zones`, {
        token: organizer.token,
        body: zoneBody({ price: '100' }),
      });
      expectError(asText, 400, 'VALIDATION_ERROR');
    });

    it('answers 404 NOT_FOUND for a zone on an unknown show and 403 to others', async () => {
      const token = organizer.token;
      expectError(
        await app.request('POST', `/shows/${unknownId}/zones`, { token, body: zoneBody() }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await app.request('POST', '/shows/nonsense/zones', { token, body: zoneBody() }),
        404,
        'NOT_FOUND',
      );
      const { show } = await eventOnSale(app, organizer.token, { name: 'Guarded Zone Test' }, false);
      const reply = await app.request('POST', `/shows/${show.id}/zones`, {
        token: otherOrganizer.token,
        body: zoneBody(),
      });
      expectError(reply, 403, 'FORBIDDEN');
    });

    it('changes a zone price and capacity (owner or admin), keeping what is not sent', async () => {
      const { zone } = await eventOnSale(app, organizer.token, { name: 'Zone Update Test' });
      const price = await app.request<ZoneResource>('PUT', `/zones/${zone.id}`, {
        token: organizer.token,
        body: { price: 99_900 },
      });
      assert.equal(price.status, 200);
      assert.deepEqual(price.body.data, { ...zone, price: 99_900 });
      const capacity = await app.request<ZoneResource>('PUT', `/zones/${zone.id}`, {
        token: admin.token,
        body: { capacity: 250 },
      });
      assert.deepEqual(capacity.body.data, { ...zone, price: 99_900, capacity: 250 });
    });

    it('answers 409 INVALID_STATE when a published zone would shrink below the seats already taken', async () => {
      const { zone } = await eventOnSale(app, organizer.token, { name: 'Shrink Test' });
      seatsTaken.set(zone.id, 30);
      const below = await app.request('PUT', `/zones/${zone.id}`, {
        token: organizer.token,
        body: { capacity: 29 },
      });
      assert.deepEqual(expectError(below, 409, 'INVALID_STATE'), {
        zoneId: zone.id,
        capacity: 29,
        seatsTaken: 30,
      });
      const down = await app.request<ZoneResource>('PUT', `/zones/${zone.id}`, {
        token: organizer.token,
        body: { capacity: 30 },
      });
      assert.equal(down.status, 200);
      assert.equal(down.body.data.capacity, 30);
    });

    it('answers ZONE_NOT_FOUND for an unknown zone, 400 for a bad capacity and 403 to others', async () => {
      const token = organizer.token;
      const body = { price: 1 };
      expectError(await app.request('PUT', `/zones/${unknownId}`, { token, body }), 404, 'ZONE_NOT_FOUND');
      expectError(await app.request('PUT', '/zones/42', { token, body }), 404, 'ZONE_NOT_FOUND');
      const { zone } = await eventOnSale(app, organizer.token, { name: 'Guarded Zone Update Test' });
      expectError(
        await app.request('PUT', `/zones/${zone.id}`, { token, body: { capacity: 0 } }),
        400,
        'VALIDATION_ERROR',
      );
      expectError(
        await app.request('PUT', `/zones/${zone.id}`, { token, body: { seats: 1 } }),
        400,
        'VALIDATION_ERROR',
      );
      expectError(
        await app.request('PUT', `/zones/${zone.id}`, { token: otherOrganizer.token, body }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await app.request('PUT', `/zones/${zone.id}`, { token: customer.token, body }),
        403,
        'FORBIDDEN',
      );
      expectError(await app.request('PUT', `/zones/${zone.id}`, { body }), 401, 'UNAUTHORIZED');
    });
  });
}
