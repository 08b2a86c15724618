import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  eventStreamId,
  showPointerStreamId,
  type EventResource,
  type ShowIdReserved,
  type ShowResource,
} from '../../domain/catalog';
import { eventCreated } from '../../domain/catalog/testing';
import { databaseDrivers } from '../../infra/testing';
import { addShow, createEvent, eventOnSale, expectError } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

type User = ReturnType<CatalogApp['signIn']>;
type ShowAnswer = Omit<ShowResource, 'zones'>;
const unknownId = '00000000-0000-4000-8000-000000000000';

for (const driver of databaseDrivers) {
  describe(`updating a show over the API on ${driver.name}`, () => {
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

    const put = (showId: string, body: unknown, token = organizer.token) =>
      app.request<ShowAnswer>('PUT', `/shows/${showId}`, { token, body });
    const showUpdates = async (eventId: string) =>
      (await app.store.readStream(eventStreamId(eventId))).filter((event) => event.type === 'ShowUpdated');

    it('lets the owner move a show and rename it; the stream records only what changed', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Move Test' });
      const show = await addShow(app, organizer.token, event.id);

      const moved = await put(show.id, { name: 'Night one', startsAt: '2031-06-03T21:00:00+02:00' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual(moved.body.data, {
        id: show.id,
        eventId: event.id,
        name: 'Night one',
        startsAt: '2031-06-03T19:00:00.000Z',
      });
      const [first, ...more] = await showUpdates(event.id);
      assert.equal(more.length, 0, 'one ShowUpdated');
      assert.deepEqual(first?.data, {
        eventId: event.id,
        showId: show.id,
        changes: { startsAt: '2031-06-03T19:00:00.000Z' },
        occurredAt: (first?.data as { occurredAt: string }).occurredAt,
      });
      assert.equal(first?.metadata.userId, organizer.principal.userId, 'the event records who changed it');

      const renamed = await put(show.id, { name: 'Opening night' });
      assert.deepEqual(renamed.body.data, { ...moved.body.data, name: 'Opening night' });
      assert.deepEqual(
        (await showUpdates(event.id)).map((update) => (update.data as { changes: unknown }).changes),
        [{ startsAt: '2031-06-03T19:00:00.000Z' }, { name: 'Opening night' }],
      );

      await app.settle();
      const detail = await app.request<EventResource>('GET', `/events/${event.id}`, {
        token: organizer.token,
      });
      assert.deepEqual(detail.body.data.shows, [{ ...renamed.body.data, zones: [] }]);
    });

    it('lets an admin change a show of a published event and clear its name with null', async () => {
      const { event, show, zone } = await eventOnSale(app, organizer.token, { name: 'Admin Move Test' });
      const reply = await put(show.id, { name: null, startsAt: '2031-06-10T19:00:00Z' }, admin.token);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.data, {
        id: show.id,
        eventId: event.id,
        name: null,
        startsAt: '2031-06-10T19:00:00.000Z',
      });
      await app.settle();
      const detail = await app.request<EventResource>('GET', `/events/${event.id}`);
      assert.deepEqual(
        detail.body.data.shows.map(({ name, startsAt, zones }) => ({ name, startsAt, zones: zones.length })),
        [{ name: null, startsAt: '2031-06-10T19:00:00.000Z', zones: 1 }],
      );
      assert.equal(detail.body.data.shows[0]?.zones[0]?.id, zone.id);
    });

    it('writes nothing and answers the show as it is when nothing changes', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Same Test' });
      const show = await addShow(app, organizer.token, event.id);
      const before = await app.store.readStream(eventStreamId(event.id));
      const reply = await put(show.id, { name: 'Night one', startsAt: '2031-06-02T02:00:00+07:00' });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const { zones: _zones, ...asAdded } = show;
      assert.deepEqual(reply.body.data, asAdded);
      assert.equal((await app.store.readStream(eventStreamId(event.id))).length, before.length);
    });

    it('answers 403 to another organizer and a customer, 401 without a token, 404 for an unknown show', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Guarded Show Update Test' });
      const show = await addShow(app, organizer.token, event.id);
      const body = { name: 'Mine now' };
      expectError(await put(show.id, body, otherOrganizer.token), 403, 'FORBIDDEN');
      expectError(await put(show.id, body, customer.token), 403, 'FORBIDDEN');
      expectError(await app.request('PUT', `/shows/${show.id}`, { body }), 401, 'UNAUTHORIZED');
      expectError(await put(unknownId, body), 404, 'NOT_FOUND');
      expectError(await put('not-a-show', body), 404, 'NOT_FOUND');
      assert.deepEqual(await showUpdates(event.id), []);
    });

    it('answers 409 INVALID_STATE for a show of a cancelled event', async () => {
      const { event, show } = await eventOnSale(app, organizer.token, { name: 'Cancelled Show Test' });
      const token = organizer.token;
      assert.equal((await app.request('POST', `/events/${event.id}/cancel`, { token })).status, 200);
      expectError(await put(show.id, { name: 'Back on' }), 409, 'INVALID_STATE');
    });

    it('answers 409 INVALID_STATE for a show that has already started', async () => {
      // The API refuses a start in the past, so this history is written to the log directly.
      const eventId = randomUUID();
      const showId = randomUUID();
      const pastStart = '2021-06-01T19:00:00.000Z';
      const metadata = { correlationId: randomUUID(), userId: organizer.principal.userId };
      const reserved: ShowIdReserved = { type: 'ShowIdReserved', data: { showId, eventId } };
      await app.store.append(showPointerStreamId(showId), [{ ...reserved, metadata }], 'no_stream');
      await app.store.append(eventStreamId(eventId), [
        {
          type: 'EventCreated',
          data: {
            ...eventCreated.data,
            eventId,
            slug: `started-${eventId}`,
            organizerId: organizer.principal.userId,
            startsAt: pastStart,
            saleStartsAt: '2021-03-01T10:00:00.000Z',
            saleEndsAt: '2021-06-01T18:00:00.000Z',
            occurredAt: '2021-01-01T00:00:00.000Z',
          },
          metadata,
        },
        {
          type: 'ShowAdded',
          data: {
            eventId,
            showId,
            name: 'Gone by',
            startsAt: pastStart,
            occurredAt: '2021-01-02T00:00:00.000Z',
          },
          metadata,
        },
      ]);
      const reply = await put(showId, { startsAt: '2031-06-01T19:00:00Z' });
      assert.deepEqual(expectError(reply, 409, 'INVALID_STATE'), { showId, startsAt: pastStart });
    });

    it('answers 400 for a bad start, a start before the event, a blank name, no field or an unknown field', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Bad Show Update Test' });
      const show = await addShow(app, organizer.token, event.id);
      const fields = (details: unknown) => (details as Array<{ field: string }>).map(({ field }) => field);
      for (const startsAt of ['tomorrow', '2031-06-05 19:00', '2031-06-05T19:00:00', 1_900_000_000]) {
        const details = expectError(await put(show.id, { startsAt }), 400, 'VALIDATION_ERROR');
        assert.deepEqual(fields(details), ['startsAt'], String(startsAt));
      }
      const early = await put(show.id, { startsAt: '2031-06-01T18:00:00Z' });
      assert.deepEqual(expectError(early, 400, 'VALIDATION_ERROR'), [
        { field: 'startsAt', reasons: ['must not be before the event starts (2031-06-01T19:00:00.000Z)'] },
      ]);
      const past = await put(show.id, { startsAt: '2020-06-01T18:00:00Z' });
      expectError(past, 400, 'VALIDATION_ERROR');
      assert.deepEqual(fields(expectError(await put(show.id, { name: ' ' }), 400, 'VALIDATION_ERROR')), [
        'name',
      ]);
      expectError(await put(show.id, { name: 7 }), 400, 'VALIDATION_ERROR');
      expectError(await put(show.id, {}), 400, 'VALIDATION_ERROR');
      expectError(await put(show.id, { seats: 5 }), 400, 'VALIDATION_ERROR');
      assert.deepEqual(await showUpdates(event.id), []);
    });
  });
}
