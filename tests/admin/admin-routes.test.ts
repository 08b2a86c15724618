// The admin and audit API (API.md, Admin and audit) over HTTP on the whole embedded process: stream
// browser, global feed, projection status and rebuilds, and who may use them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openBookingApp, waitFor, type BookingApp, type Person, type Reply } from '../booking/harness';
import { accountWithSecrets, assertNoSecret } from './secrets';

type EventItem = {
  eventId: string;
  globalPosition: number;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  createdAt: string;
  streamId?: string;
};
type Projection = {
  name: string;
  status: string;
  position: number;
  headPosition: number;
  lag: number;
  generation: number;
  rebuild?: { processed: number; total: number; percent: number; startedAt: string };
};
type WithMeta<T> = Reply<T> & { body: Reply<T>['body'] & { meta: Record<string, unknown> } };

function expectError(reply: Reply<unknown>, status: number, code: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.success, false);
  assert.equal(reply.body.error.code, code);
}

describe('admin and audit API', () => {
  let app: BookingApp;
  let admin: Person;
  const get = <T>(path: string, who: Person = admin) =>
    app.request<T>('GET', path, { token: who.token }) as Promise<WithMeta<T>>;

  /** Every event the feed gives from the start, `limit` at a time, following meta.next until endOfLog. */
  async function readFeed(filters: string, limit: number): Promise<{ items: EventItem[]; pages: number }> {
    const items: EventItem[] = [];
    let after = '';
    for (let pages = 1; ; pages++) {
      const reply = await get<EventItem[]>(
        `/admin/events?limit=${limit}&after=${encodeURIComponent(after)}${filters}`,
      );
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.ok(reply.body.data.length <= limit);
      items.push(...reply.body.data);
      const { next, endOfLog } = reply.body.meta as { next: string; endOfLog: boolean };
      assert.equal(typeof next, 'string');
      if (endOfLog) return { items, pages };
      assert.notEqual(next, after, 'a page that is not the last moves the cursor on');
      after = next;
    }
  }

  before(async () => {
    app = await openBookingApp({ inventory: 'in-process' });
    admin = await app.person('admin');
  });
  after(() => app.close());

  it("shows a booking's full history from its stream, a page at a time", async () => {
    const { zone } = await app.zoneOnSale({ capacity: 10 });
    const buyer = await app.person('customer');
    const reserved = await app.reserve(buyer, zone.id, 2);
    assert.equal(reserved.status, 201, JSON.stringify(reserved.body));
    const bookingId = reserved.body.data.id;
    const cancelled = await app.request('POST', `/bookings/${bookingId}/cancel`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));

    const whole = await get<EventItem[]>(`/admin/streams/booking-${bookingId}`);
    assert.equal(whole.status, 200, JSON.stringify(whole.body));
    assert.deepEqual(
      whole.body.data.map((event) => [event.version, event.type]),
      [
        [0, 'BookingReserved'],
        [1, 'BookingCancelled'],
      ],
    );
    const [first] = whole.body.data;
    assert.equal(first?.data.bookingId, bookingId);
    assert.equal(first?.data.quantity, 2);
    assert.equal(first?.metadata.userId, buyer.userId, 'the metadata is the audit trail');
    assert.ok(Number.isInteger(first?.globalPosition) && first!.globalPosition > 0);
    assert.equal(new Date(first!.createdAt).toISOString(), first!.createdAt);
    assert.equal(whole.body.meta.next, null);
    const stored = await app.store.readStream(`booking-${bookingId}`);
    assert.deepEqual(
      whole.body.data.map((event) => [event.eventId, event.globalPosition]),
      stored.map((event) => [event.id, event.position]),
    );

    const page1 = await get<EventItem[]>(`/admin/streams/booking-${bookingId}?limit=1`);
    assert.deepEqual(page1.body.data, whole.body.data.slice(0, 1));
    assert.equal(page1.body.meta.next, 1);
    const page2 = await get<EventItem[]>(`/admin/streams/booking-${bookingId}?limit=1&fromVersion=1`);
    assert.deepEqual(page2.body.data, whole.body.data.slice(1));
    assert.equal(page2.body.meta.next, null);
    const beyond = await get<EventItem[]>(`/admin/streams/booking-${bookingId}?fromVersion=5`);
    assert.deepEqual(beyond.body.data, [], 'past the end of a stream that exists: an empty page');
  });

  it('pages through the global feed with after until endOfLog, skipping and repeating nothing', async () => {
    const { zone } = await app.zoneOnSale({ capacity: 20 });
    for (let index = 0; index < 3; index++) {
      const reply = await app.reserve(await app.person('customer'), zone.id, 1);
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
    }
    const paged = await readFeed('', 4);
    assert.ok(paged.pages > 2, `several pages (${paged.pages})`);
    const ids = paged.items.map((event) => event.eventId);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    // The log only grows: one big read taken afterwards starts with exactly the paged events.
    const whole = await get<EventItem[]>('/admin/events?limit=1000');
    assert.ok(whole.body.data.length < 1000, 'the whole log fits in one page here');
    assert.deepEqual(paged.items, whole.body.data.slice(0, paged.items.length));
    const direct = await app.store.readAll({ limit: 1000 });
    assert.deepEqual(
      paged.items.map((event) => [event.streamId, event.version, event.eventId]),
      direct.events.slice(0, paged.items.length).map((event) => [event.streamId, event.revision, event.id]),
    );
    assert.ok(paged.items.some((event) => event.type === 'BookingReserved' && event.data.zoneId === zone.id));
  });

  it('filters the feed by category and type, repeated or comma-separated, across pages', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 20 });
    const buyer = await app.person('customer');
    const reserved = await app.reserve(buyer, zone.id, 1);
    await app.request('POST', `/bookings/${reserved.body.data.id}/cancel`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
    });
    const wanted = (event: EventItem) =>
      event.streamId?.startsWith('booking-') === true &&
      ['BookingReserved', 'BookingCancelled'].includes(event.type);

    const byComma = await readFeed('&category=booking&type=BookingReserved,BookingCancelled', 2);
    const byRepeat = await readFeed('&category=booking&type=BookingReserved&type=BookingCancelled', 3);
    const all = (await get<EventItem[]>('/admin/events?limit=1000')).body.data;
    const expected = all.filter(wanted);
    assert.ok(byComma.items.length >= 2 && byComma.pages > 1);
    assert.ok(byComma.items.every(wanted));
    assert.deepEqual(byComma.items, expected.slice(0, byComma.items.length));
    assert.deepEqual(byRepeat.items, expected.slice(0, byRepeat.items.length));
    assert.ok(byComma.items.some((event) => event.type === 'BookingCancelled'));

    const catalog = await readFeed('&category=zoneEvent,event', 1000);
    assert.ok(catalog.items.every((item) => /^(zoneEvent|event)-/.test(item.streamId ?? '')));
    assert.ok(catalog.items.some((item) => item.streamId === `zoneEvent-${zone.id}`));
    assert.ok(
      catalog.items.some((item) => item.streamId === `event-${event.id}` && item.type === 'ZoneCreated'),
    );
  });

  it('never shows a password or refresh-token hash: streams, filtered feed and whole feed', async () => {
    const account = await accountWithSecrets(app);
    for (const stream of [account.credentialsStream, account.sessionStream]) {
      const reply = await get<EventItem[]>(`/admin/streams/${stream}`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.ok(reply.body.data.length > 0);
      assertNoSecret(JSON.stringify(reply.body), account.secrets, `GET /admin/streams/${stream}`);
    }
    const [created] = (await get<EventItem[]>(`/admin/streams/${account.credentialsStream}`)).body.data;
    assert.deepEqual(Object.keys(created!.data).sort(), [
      'createdAt',
      'credentialsId',
      'passwordHash',
      'userId',
    ]);
    assert.equal(created!.data.passwordHash, '[REDACTED]');

    const filtered = await readFeed('&category=userCredentials,userSession', 1000);
    assert.ok(filtered.items.some((item) => item.streamId === account.sessionStream));
    assertNoSecret(JSON.stringify(filtered.items), account.secrets, 'GET /admin/events?category=…');
    const whole = await readFeed('', 1000);
    assert.ok(whole.items.some((item) => item.streamId === account.credentialsStream));
    assertNoSecret(JSON.stringify(whole.items), account.secrets, 'GET /admin/events');
  });

  it('lists every SQL projection and the booking saga with positions and lag', async () => {
    const reply = await get<Projection[]>('/admin/projections');
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const byName = new Map(reply.body.data.map((projection) => [projection.name, projection]));
    for (const name of ['bookings', 'catalog', 'stream-index', 'booking-saga']) {
      const projection = byName.get(name);
      assert.ok(projection, `${name} is listed`);
      assert.ok(projection.lag >= 0, name);
      assert.ok(projection.position >= 0 && projection.headPosition >= 0, name);
      assert.ok(
        ['live', 'catching-up', 'rebuilding'].includes(projection.status),
        `${name} ${projection.status}`,
      );
    }
    const head = (await app.store.head()).position;
    assert.ok(reply.body.data.every((projection) => projection.headPosition <= head));
  });

  it('rebuilds a projection in the background: 202 at once, one at a time, finished in the list', async () => {
    const before = await get<Projection[]>('/admin/projections');
    const generation = before.body.data.find((projection) => projection.name === 'catalog')!.generation;
    const [one, two] = await Promise.all([
      app.request('POST', '/admin/projections/catalog/rebuild', { token: admin.token }),
      app.request('POST', '/admin/projections/catalog/rebuild', { token: admin.token }),
    ]);
    const replies = [one, two].sort((a, b) => a.status - b.status);
    assert.equal(replies[0]!.status, 202, JSON.stringify(replies[0]!.body));
    assert.deepEqual(replies[0]!.body.data, { name: 'catalog', status: 'rebuilding' });
    expectError(replies[1]!, 409, 'INVALID_STATE');

    let finished: Projection | undefined;
    await waitFor(async () => {
      const list = await get<Projection[]>('/admin/projections');
      finished = list.body.data.find((projection) => projection.name === 'catalog');
      return finished !== undefined && finished.generation > generation && finished.status === 'live';
    });
    assert.equal(finished?.generation, generation + 1);
    assert.equal(finished?.rebuild, undefined);

    const saga = await app.request('POST', '/admin/projections/booking-saga/rebuild', { token: admin.token });
    assert.equal(saga.status, 202, JSON.stringify(saga.body));
    await waitFor(async () => {
      const list = await get<Projection[]>('/admin/projections');
      const state = list.body.data.find((projection) => projection.name === 'booking-saga');
      return state !== undefined && state.status === 'live' && state.rebuild === undefined;
    });
  });

  it('answers 401 without a token and 403 FORBIDDEN to customers and organizers', async () => {
    const routes: [string, string][] = [
      ['GET', `/admin/streams/booking-${randomUUID()}`],
      ['GET', '/admin/events'],
      ['GET', '/admin/projections'],
      ['POST', '/admin/projections/catalog/rebuild'],
    ];
    for (const [method, path] of routes) {
      expectError(await app.request(method, path), 401, 'UNAUTHORIZED');
      for (const role of ['customer', 'organizer'] as const) {
        const who = await app.person(role);
        expectError(await app.request(method, path, { token: who.token }), 403, 'FORBIDDEN');
      }
    }
  });

  it('answers 404 NOT_FOUND for an unknown stream or projection', async () => {
    expectError(await get(`/admin/streams/booking-${randomUUID()}`), 404, 'NOT_FOUND');
    expectError(await get('/admin/streams/nosuchcategory-1'), 404, 'NOT_FOUND');
    const rebuild = await app.request('POST', '/admin/projections/nope/rebuild', { token: admin.token });
    expectError(rebuild, 404, 'NOT_FOUND');
  });

  it('answers 400 VALIDATION_ERROR for bad stream ids, bad cursors, limits and filters', async () => {
    for (const streamId of [
      'nodash',
      'Booking-1',
      '1booking-2',
      `booking-${'x'.repeat(300)}`,
      'booking-%20x',
    ]) {
      expectError(await get(`/admin/streams/${streamId}`), 400, 'VALIDATION_ERROR');
    }
    // A version past 2^53 answered 500 until Schemathesis found it.
    const pastAnyVersion = 'fromVersion=38554307563216776500084736';
    for (const query of [
      'limit=0',
      'limit=1001',
      'fromVersion=-1',
      'fromVersion=x',
      pastAnyVersion,
      'version=1',
    ]) {
      expectError(await get(`/admin/streams/booking-${randomUUID()}?${query}`), 400, 'VALIDATION_ERROR');
    }
    for (const query of [
      'after=garbage',
      'after=1:2:3',
      'after=99999999999999999999:0',
      'limit=0',
      'limit=1001',
      'category=Booking',
      'category=',
      'type=1bad',
      'stream=booking-1',
    ]) {
      expectError(await get(`/admin/events?${query}`), 400, 'VALIDATION_ERROR');
    }
    const atLimit = await get<EventItem[]>('/admin/events?limit=1000');
    assert.equal(atLimit.status, 200);
  });
});
