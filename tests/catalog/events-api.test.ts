import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventResource } from '../../domain/catalog';
import { databaseDrivers } from '../../infra/testing';
import { createEvent, eventBody, eventOnSale, expectError, zoneBody } from './fixtures';
import { openCatalogApp, type CatalogApp } from './harness';

type User = ReturnType<CatalogApp['signIn']>;

for (const driver of databaseDrivers) {
  describe(`catalog events API on ${driver.name}`, () => {
    let app: CatalogApp;
    let organizer: User, otherOrganizer: User, admin: User, customer: User;
    before(async () => {
      app = await openCatalogApp(driver, { bodyLimitBytes: 16 * 1024 });
      organizer = app.signIn('organizer');
      otherOrganizer = app.signIn('organizer');
      admin = app.signIn('admin');
      customer = app.signIn('customer');
    });
    after(() => app.close());

    it('creates a draft with a slug from its name, times in UTC and four tickets per user by default', async () => {
      const reply = await app.request<EventResource>('POST', '/events', {
        token: organizer.token,
        body: eventBody({ name: 'Create Test Gala!' }),
      });
      assert.equal(reply.status, 201);
      const { id, createdAt, updatedAt, ...rest } = reply.body.data;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(createdAt, updatedAt);
      assert.deepEqual(rest, {
        slug: 'create-test-gala',
        status: 'draft',
        organizerId: organizer.principal.userId,
        name: 'Create Test Gala!',
        description: 'Three bands, one night',
        venue: 'Impact Arena',
        category: 'concert',
        startsAt: '2031-06-01T19:00:00.000Z',
        saleStartsAt: '2031-03-01T03:00:00.000Z',
        saleEndsAt: '2031-06-01T18:00:00.000Z',
        maxTicketsPerUser: 4,
        publishedAt: null,
        cancelledAt: null,
        waitingRoom: null,
        shows: [],
      });
      const [stored] = await app.store.readStream(`event-${id}`);
      assert.equal(stored?.type, 'EventCreated');
      assert.equal(stored?.metadata.userId, organizer.principal.userId, 'the event records who created it');
    });

    it('answers 400 VALIDATION_ERROR naming every bad field', async () => {
      const { name: _name, ...withoutName } = eventBody();
      const reply = await app.request('POST', '/events', {
        token: organizer.token,
        body: { ...withoutName, startsAt: '2031-06-01 19:00', maxTicketsPerUser: 11, category: 7 },
      });
      const details = expectError(reply, 400, 'VALIDATION_ERROR') as Array<{
        field: string;
        reasons: string[];
      }>;
      assert.deepEqual(details.map((problem) => problem.field).sort(), [
        'category',
        'maxTicketsPerUser',
        'name',
        'startsAt',
      ]);
      assert.match(details.find((problem) => problem.field === 'startsAt')!.reasons.join(), /ISO 8601/);
    });

    it('refuses text with a lone surrogate with 400 naming the field, before any write', async () => {
      const token = organizer.token;
      const fieldsOf = (reply: Awaited<ReturnType<typeof app.request>>) =>
        (expectError(reply, 400, 'VALIDATION_ERROR') as Array<{ field: string }>).map((p) => p.field);
      for (const field of ['name', 'description', 'venue', 'category']) {
        const body = eventBody({ name: 'Lone Surrogate Gala', [field]: `Gala \ud800` });
        assert.deepEqual(fieldsOf(await app.request('POST', '/events', { token, body })), [field]);
      }
      const event = await createEvent(app, token, { name: 'Lone Surrogate Gala' });
      assert.equal(event.slug, 'lone-surrogate-gala', 'the refused events used up no slug');
      const rename = { name: 'Gala \udc00' };
      assert.deepEqual(fieldsOf(await app.request('PUT', `/events/${event.id}`, { token, body: rename })), [
        'name',
      ]);
      const show = { startsAt: '2031-06-01T19:00:00Z', name: 'Night \ud800' };
      const shows = `/events/${event.id}/shows`;
      assert.deepEqual(fieldsOf(await app.request('POST', shows, { token, body: show })), ['name']);
      const { id: showId } = (
        await app.request<{ id: string }>('POST', shows, { token, body: { ...show, name: 'Night' } })
      ).body.data;
      const zone = zoneBody({ name: 'Floor \ud800' });
      assert.deepEqual(fieldsOf(await app.request('POST', `/shows/${showId}/zones`, { token, body: zone })), [
        'name',
      ]);
      const cancel = { reason: 'Storm \ud800' };
      assert.deepEqual(
        fieldsOf(await app.request('POST', `/events/${event.id}/cancel`, { token, body: cancel })),
        ['reason'],
      );
      const stored = await app.store.readStream(`event-${event.id}`);
      assert.deepEqual(
        stored.map((recorded) => recorded.type),
        ['EventCreated', 'ShowAdded'],
      );
    });

    it('rejects unknown fields, such as a chosen owner or status', async () => {
      const reply = await app.request('POST', '/events', {
        token: organizer.token,
        body: eventBody({ organizerId: 'someone', status: 'published' }),
      });
      const details = expectError(reply, 400, 'VALIDATION_ERROR') as Array<{ field: string }>;
      assert.deepEqual(details.map((problem) => problem.field).sort(), ['organizerId', 'status']);
    });

    it('answers 400 for an incoherent sale window, naming the field', async () => {
      const reply = await app.request('POST', '/events', {
        token: organizer.token,
        body: eventBody({ saleEndsAt: '2031-06-02T00:00:00Z' }),
      });
      assert.deepEqual(expectError(reply, 400, 'VALIDATION_ERROR'), [
        { field: 'saleEndsAt', reasons: ['must not be after startsAt'] },
      ]);
    });

    it('answers 401 without a token or with a bad one, and 403 to a customer', async () => {
      expectError(await app.request('POST', '/events', { body: eventBody() }), 401, 'UNAUTHORIZED');
      expectError(
        await app.request('POST', '/events', { body: eventBody(), token: 'forged' }),
        401,
        'UNAUTHORIZED',
      );
      expectError(
        await app.request('POST', '/events', { body: eventBody(), token: customer.token }),
        403,
        'FORBIDDEN',
      );
    });

    it('refuses an oversized body with 413', async () => {
      const reply = await app.request('POST', '/events', {
        token: organizer.token,
        body: eventBody({ description: 'x'.repeat(20_000) }),
      });
      expectError(reply, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('gives ten concurrent events with one name ten distinct slugs', async () => {
      const replies = await Promise.all(
        Array.from({ length: 10 }, () =>
          app.request<EventResource>('POST', '/events', {
            token: organizer.token,
            body: eventBody({ name: 'Flash Fest' }),
          }),
        ),
      );
      assert.deepEqual(
        replies.map((reply) => reply.status),
        Array(10).fill(201),
      );
      const slugs = replies.map((reply) => reply.body.data.slug).sort();
      const expected = [
        'flash-fest',
        ...Array.from({ length: 9 }, (_, index) => `flash-fest-${index + 2}`),
      ].sort();
      assert.deepEqual(slugs, expected);
    });

    it('updates only the fields given, for the owner and for an admin', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Update Test' });
      const byOwner = await app.request<EventResource>('PUT', `/events/${event.id}`, {
        token: organizer.token,
        body: { venue: 'Rajamangala Stadium', maxTicketsPerUser: 2 },
      });
      assert.equal(byOwner.status, 200);
      assert.equal(byOwner.body.data.venue, 'Rajamangala Stadium');
      assert.equal(byOwner.body.data.maxTicketsPerUser, 2);
      assert.equal(byOwner.body.data.name, 'Update Test');
      assert.equal(byOwner.body.data.slug, 'update-test', 'the slug stays');
      const byAdmin = await app.request<EventResource>('PUT', `/events/${event.id}`, {
        token: admin.token,
        body: { name: 'Renamed', category: null },
      });
      assert.equal(byAdmin.status, 200);
      assert.equal(byAdmin.body.data.name, 'Renamed');
      assert.equal(byAdmin.body.data.category, null);
      assert.equal(byAdmin.body.data.slug, 'update-test');
    });

    it('answers 400 for an update that breaks the sale window or sends null for a required field', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Window Test' });
      const late = await app.request('PUT', `/events/${event.id}`, {
        token: organizer.token,
        body: { saleStartsAt: '2031-06-01T18:30:00Z' },
      });
      expectError(late, 400, 'VALIDATION_ERROR');
      const nulled = await app.request('PUT', `/events/${event.id}`, {
        token: organizer.token,
        body: { name: null },
      });
      expectError(nulled, 400, 'VALIDATION_ERROR');
    });

    it("answers 403 to another organizer changing, publishing or cancelling someone's event", async () => {
      const { event } = await eventOnSale(app, organizer.token, { name: 'Not Yours' }, false);
      const token = otherOrganizer.token;
      expectError(
        await app.request('PUT', `/events/${event.id}`, { token, body: { name: 'Mine' } }),
        403,
        'FORBIDDEN',
      );
      expectError(await app.request('POST', `/events/${event.id}/publish`, { token }), 403, 'FORBIDDEN');
      expectError(await app.request('POST', `/events/${event.id}/cancel`, { token }), 403, 'FORBIDDEN');
      expectError(
        await app.request('PUT', `/events/${event.id}`, { token: customer.token, body: {} }),
        403,
        'FORBIDDEN',
      );
    });

    it('answers 404 for an unknown or malformed event id', async () => {
      const token = organizer.token;
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(
        await app.request('PUT', `/events/${unknown}`, { token, body: { name: 'x' } }),
        404,
        'NOT_FOUND',
      );
      expectError(await app.request('POST', `/events/${unknown}/publish`, { token }), 404, 'NOT_FOUND');
      expectError(await app.request('POST', `/events/${unknown}/cancel`, { token }), 404, 'NOT_FOUND');
      expectError(await app.request('POST', '/events/not%20an%20id/publish', { token }), 404, 'NOT_FOUND');
    });

    it('publishes an event that has a zone, once: publishing again answers 409 INVALID_STATE', async () => {
      const { event } = await eventOnSale(app, organizer.token, { name: 'Publish Test' });
      assert.equal(event.status, 'published');
      assert.ok(event.publishedAt);
      assert.equal(event.shows[0]?.zones.length, 1);
      expectError(
        await app.request('POST', `/events/${event.id}/publish`, { token: organizer.token }),
        409,
        'INVALID_STATE',
      );
    });

    it('answers 409 INVALID_STATE when publishing an event with nothing to sell', async () => {
      const event = await createEvent(app, organizer.token, { name: 'Empty Test' });
      expectError(
        await app.request('POST', `/events/${event.id}/publish`, { token: organizer.token }),
        409,
        'INVALID_STATE',
      );
    });

    it('takes no body on publish: a field is rejected as unknown', async () => {
      const { event } = await eventOnSale(app, organizer.token, { name: 'Publish Body Test' }, false);
      const reply = await app.request('POST', `/events/${event.id}/publish`, {
        token: organizer.token,
        body: { status: 'published' },
      });
      assert.deepEqual(expectError(reply, 400, 'VALIDATION_ERROR'), [
        { field: 'status', reasons: ['property status should not exist'] },
      ]);
    });

    it('cancels an event with a reason; after that it cannot change, be published or be cancelled again', async () => {
      const { event, show } = await eventOnSale(app, organizer.token, { name: 'Cancel Test' });
      const cancelled = await app.request<EventResource>('POST', `/events/${event.id}/cancel`, {
        token: organizer.token,
        body: { reason: 'Storm warning' },
      });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.data.status, 'cancelled');
      const token = organizer.token;
      expectError(
        await app.request('PUT', `/events/${event.id}`, { token, body: { name: 'x' } }),
        409,
        'INVALID_STATE',
      );
      expectError(await app.request('POST', `/events/${event.id}/publish`, { token }), 409, 'INVALID_STATE');
      expectError(await app.request('POST', `/events/${event.id}/cancel`, { token }), 409, 'INVALID_STATE');
      const lateShow = { startsAt: '2031-06-02T19:00:00Z' };
      expectError(
        await app.request('POST', `/events/${event.id}/shows`, { token, body: lateShow }),
        409,
        'INVALID_STATE',
      );
      const zone = { name: 'Late', price: 1, currency: 'THB', capacity: 1 };
      expectError(
        await app.request('POST', `/shows/${show.id}/zones`, { token, body: zone }),
        409,
        'INVALID_STATE',
      );
    });
  });
}
