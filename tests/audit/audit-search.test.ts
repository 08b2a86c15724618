// Audit search (GET /admin/audit-logs) over HTTP on the whole embedded process, with the audit log in
// memory and on FerretDB: a buyer's reservation and cancellation found by every filter, who and from
// where, pages that return each entry once, secrets kept out, and who may search.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BookingView } from '../../domain/booking';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { auditModule } from '../../infra/roles/modules/audit-module';
import { openBookingApp, waitFor, type BookingApp, type Person, type Reply } from '../booking/harness';

type Entry = {
  eventId: string;
  at: string;
  position: number;
  streamId: string;
  entity: { type: string; id: string };
  action: string;
  actor: { kind: string; userId: string; role?: string | null };
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  causationId: string | null;
  changes: Record<string, unknown>;
};
type Page = { entries: Entry[]; next: string | null };

const userAgent = `audit-test/${randomUUID().slice(0, 8)}`;

function expectError(reply: Reply<unknown>, status: number, code: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.success, false);
  assert.equal(reply.body.error.code, code);
}

function mongoEnv(): { env: Record<string, string>; url: string } {
  const base = process.env.TEST_MONGO_URL;
  if (!base) throw new Error('TEST_MONGO_URL is not set: source .services/env (npm run services up)');
  const url = `${base.replace(/\/[^/]*$/, '')}/audit_http_${randomBytes(5).toString('hex')}`;
  return { env: { MONGO_URL: url }, url };
}

const stores = [
  { name: 'in memory', open: () => ({ env: {}, url: undefined }) },
  { name: 'on FerretDB', open: mongoEnv },
];

for (const documentStore of stores) {
  describe(`audit search, audit log ${documentStore.name}`, () => {
    let app: BookingApp;
    let mongoUrl: string | undefined;
    let admin: Person;
    let buyer: Person;
    let booking: BookingView;
    const correlationId = `audit-${randomUUID()}`;
    let reserved: Entry;
    let cancelled: Entry;

    const search = async (params: string, who: Person = admin): Promise<Page> => {
      const reply = await app.request<Entry[]>('GET', `/admin/audit-logs?${params}`, { token: who.token });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const meta = (reply.body as unknown as { meta: { next: string | null } }).meta;
      return { entries: reply.body.data, next: meta.next };
    };
    /** Waits until the projection has caught up with an entry matching `params`; returns the newest. */
    const entryOnceThere = async (params: string): Promise<Entry> => {
      let found: Entry | undefined;
      await waitFor(async () => (found = (await search(params)).entries[0]) !== undefined);
      return found!;
    };

    before(async () => {
      const opened = documentStore.open();
      mongoUrl = opened.url;
      app = await openBookingApp({ inventory: 'in-process', env: opened.env, modules: [auditModule] });
      admin = await app.person('admin');
      buyer = await app.person('customer');
      const { zone } = await app.zoneOnSale({ capacity: 10 });
      const reply = await app.request<BookingView>('POST', '/bookings', {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        body: { zoneId: zone.id, quantity: 2 },
        headers: { 'user-agent': userAgent, 'x-correlation-id': correlationId },
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      booking = reply.body.data;
      // The cancel waits for the reservation's entry, so the two never share a millisecond.
      reserved = await entryOnceThere(`streamId=booking-${booking.id}&action=BookingReserved`);
      const cancel = await app.request('POST', `/bookings/${booking.id}/cancel`, {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        headers: { 'user-agent': userAgent },
      });
      assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
      cancelled = await entryOnceThere(`streamId=booking-${booking.id}&action=BookingCancelled`);
    });

    after(async () => {
      await app?.close();
      if (mongoUrl) {
        const store = await MongoDocumentStore.connect({ url: mongoUrl });
        await store.dropDatabase();
        await store.close();
      }
    });

    it('finds the booking by entity, newest first, with who, from where and what changed', async () => {
      const { entries, next } = await search(`entityType=booking&entityId=${booking.id}`);
      assert.deepEqual(
        entries.map((entry) => entry.action),
        ['BookingCancelled', 'BookingReserved'],
      );
      assert.equal(next, null);
      for (const entry of entries) {
        assert.deepEqual(entry.actor, {
          kind: 'user',
          userId: buyer.userId,
          role: 'customer',
          tenantId: 'default',
        });
        assert.match(entry.ip ?? '', /127\.0\.0\.1/);
        assert.equal(entry.userAgent, userAgent);
        assert.equal(entry.streamId, `booking-${booking.id}`);
        assert.deepEqual(entry.entity, { type: 'booking', id: booking.id });
      }
      assert.equal(reserved.correlationId, correlationId);
      assert.equal(reserved.changes.quantity, 2);
      assert.equal(cancelled.changes.by, buyer.userId);
      assert.ok(Date.parse(cancelled.at) > Date.parse(reserved.at));
    });

    it('finds the buyer’s actions by user, and by action', async () => {
      const byUser = await search(`userId=${buyer.userId}`);
      assert.deepEqual(
        byUser.entries.map((entry) => entry.eventId),
        [cancelled.eventId, reserved.eventId],
      );
      const byAction = await search(`action=BookingCancelled&limit=500`);
      assert.ok(byAction.entries.some((entry) => entry.eventId === cancelled.eventId));
      assert.ok(byAction.entries.every((entry) => entry.action === 'BookingCancelled'));
      assert.deepEqual((await search(`userId=${buyer.userId}&action=BookingReserved`)).entries, [reserved]);
    });

    it('finds everything the reservation request caused by its correlation id', async () => {
      const { entries } = await search(`correlationId=${correlationId}&limit=500`);
      assert.ok(entries.some((entry) => entry.eventId === reserved.eventId));
      assert.ok(entries.every((entry) => entry.correlationId === correlationId));
      assert.ok(!entries.some((entry) => entry.eventId === cancelled.eventId), 'another request');
    });

    it('finds entries by time range: from inclusive, to exclusive', async () => {
      const mine = `userId=${buyer.userId}`;
      const ids = async (range: string) => (await search(`${mine}&${range}`)).entries.map((e) => e.eventId);
      assert.deepEqual(await ids(`from=${cancelled.at}`), [cancelled.eventId]);
      assert.deepEqual(await ids(`to=${cancelled.at}`), [reserved.eventId]);
      assert.deepEqual(await ids(`from=${reserved.at}&to=${cancelled.at}`), [reserved.eventId]);
      assert.deepEqual(await ids(`to=${reserved.at}`), []);
      assert.deepEqual(await ids(`from=2000-01-01&to=2000-01-02`), []);
    });

    it('reads one entry by event id, and answers 404 for an unknown one', async () => {
      const reply = await app.request<Entry>('GET', `/admin/audit-logs/${reserved.eventId}`, {
        token: admin.token,
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.data, reserved);
      expectError(
        await app.request('GET', `/admin/audit-logs/${randomUUID()}`, { token: admin.token }),
        404,
        'NOT_FOUND',
      );
    });

    it('returns every entry exactly once across pages, while new events arrive', async () => {
      for (let n = 0; n < 4; n++) {
        const other = await app.reserve(await app.person('customer'), booking.zoneId, 1);
        assert.equal(other.status, 201, JSON.stringify(other.body));
        await entryOnceThere(`entityType=booking&entityId=${other.body.data.id}`);
      }
      const everything = await search('limit=500');
      assert.equal(everything.next, null, 'the whole log fits one page of 500');
      const seen: string[] = [];
      let after = '';
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 200, 'the pages end');
        const page = await search(`limit=3${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        assert.ok(page.entries.length <= 3);
        seen.push(...page.entries.map((entry) => entry.eventId));
        if (pages === 0) {
          // Newer entries arrive after the first page: they sort before the cursor, so no page shifts.
          const more = await app.reserve(buyer, booking.zoneId, 1);
          assert.equal(more.status, 201, JSON.stringify(more.body));
          await entryOnceThere(`entityType=booking&entityId=${more.body.data.id}`);
        }
        if (page.next === null) break;
        after = page.next;
      }
      assert.equal(new Set(seen).size, seen.length, 'no entry twice');
      const before = everything.entries.map((entry) => entry.eventId);
      assert.ok(before.length > 9, 'several pages');
      // An event appended earlier but projected only now may also show up, once.
      assert.deepEqual(
        seen.filter((id) => before.includes(id)),
        before,
        'every entry there when paging began, in order',
      );
    });

    it('keeps the password hash of a new account out of the log', async () => {
      const password = `pw-${randomUUID()}`;
      const registered = await app.request<{ user: { id: string } }>('POST', '/auth/register', {
        body: { email: `${randomUUID()}@example.com`, password, name: 'Audited' },
      });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
      const credentials = await entryOnceThere(`action=CredentialsCreated&entityType=userCredentials`);
      await entryOnceThere(`action=SessionStarted`);
      assert.equal(credentials.changes.passwordHash, '[REDACTED]');
      const reply = await app.request('GET', '/admin/audit-logs?limit=500', { token: admin.token });
      const body = JSON.stringify(reply.body);
      assert.ok(!/\$2[aby]?\$|\$argon2/.test(body), 'no password hash in any entry');
      assert.ok(!body.includes(password));
      assert.ok(body.includes(registered.body.data.user.id));
    });

    it('is for admins only', async () => {
      for (const role of ['customer', 'organizer'] as const) {
        const who = await app.person(role);
        expectError(await app.request('GET', '/admin/audit-logs', { token: who.token }), 403, 'FORBIDDEN');
        expectError(
          await app.request('GET', `/admin/audit-logs/${reserved.eventId}`, { token: who.token }),
          403,
          'FORBIDDEN',
        );
      }
      expectError(await app.request('GET', '/admin/audit-logs'), 401, 'UNAUTHORIZED');
    });

    it('answers 400 with the reason for bad parameters', async () => {
      for (const params of [
        'limit=0',
        'limit=501',
        'limit=ten',
        'from=yesterday',
        'to=2026-13-01',
        `from=${cancelled.at}&to=${reserved.at}`,
        'after=not-a-cursor',
        'action=not%20a%20type',
        'entityType=Booking',
        'userId=a&userId=b',
        'colour=blue',
      ]) {
        const reply = await app.request('GET', `/admin/audit-logs?${params}`, { token: admin.token });
        expectError(reply, 400, 'VALIDATION_ERROR');
        assert.ok(reply.body.error.message.length > 0, params);
      }
    });
  });
}
