// The expiry wave after a rush, in small: 2,000 holds with a 5 s TTL that nobody pays. Every hold expires,
// every buyer gets exactly one expiry mail at the loopback SMTP server, the saga leaves no due command
// behind, and the invariant holds. Outcomes only, no timings (the figures are `npm run bench:rush`'s).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkInventory } from '../../command-side/inventory-recovery';
import { waitFor } from '../booking/harness';
import { messageIdOf, openNotifyingApp, type NotifyingApp } from '../notifications/support';

const holds = 2_000;
const buyers = 20;
/** The per-buyer limit is at most 10 seats per event: the holds spread over ten events. */
const events = 10;
const perBuyerAndEvent = holds / buyers / events;
const waveTimeoutMs = 180_000;

// With Kafka the documents stay in memory: FerretDB (the MongoDB stand-in here) narrows no query by an
// index, so 2,000 notifications at tens of milliseconds per lookup would take minutes (benchmarks/RESULTS.md).
for (const setup of ['embedded', 'kafka'] as const) {
  describe(`an expiry wave of ${holds} holds (${setup})`, { timeout: 300_000 }, () => {
    let app: NotifyingApp;
    before(async () => {
      app = await openNotifyingApp({ setup, ttlSeconds: 5, env: { SAGA_EXPIRY_GRACE_MS: '1000' } });
    });
    after(async () => {
      await app?.close();
    });

    const dueCommandsLeft = async () => {
      const [row] = await app.database.sql.query<{ n: string }>(
        "SELECT count(*) AS n FROM saga_commands WHERE status = 'pending' AND due_at <= now()",
      );
      return Number(row?.n ?? 0);
    };

    it('expires every hold, mails every buyer once per booking, and leaves no due saga command', async () => {
      const sales = [];
      for (let n = 0; n < events; n++) {
        sales.push(await app.zoneOnSale({ capacity: holds / events, maxTicketsPerUser: perBuyerAndEvent }));
      }
      const people = await Promise.all(Array.from({ length: buyers }, () => app.buyer()));
      const bookingIds: string[] = [];
      for (const { zone } of sales) {
        for (let round = 0; round < perBuyerAndEvent; round++) {
          const replies = await Promise.all(people.map((buyer) => app.reserve(buyer, zone.id, 1)));
          for (const reply of replies) {
            assert.equal(reply.status, 201, JSON.stringify(reply.body));
            bookingIds.push(reply.body.data.id);
          }
        }
      }

      const expiryMails = () =>
        app.smtp.received.filter((mail) => messageIdOf(mail).startsWith('<hold-expired.'));
      await waitFor(() => expiryMails().length >= holds, waveTimeoutMs).catch((error: Error) => {
        throw new Error(`${error.message}: ${expiryMails().length} of ${holds} expiry mails`);
      });
      await waitFor(async () => (await dueCommandsLeft()) === 0, 60_000);

      const ours = new Set(bookingIds);
      const perBooking = new Map<string, number>();
      for (const mail of expiryMails()) {
        const id = /^<hold-expired\.([^@]+)@/.exec(messageIdOf(mail))?.[1] ?? '';
        assert.ok(ours.has(id), `an expiry mail for a booking of this test: ${messageIdOf(mail)}`);
        perBooking.set(id, (perBooking.get(id) ?? 0) + 1);
      }
      assert.equal(perBooking.size, holds, 'every booking got its expiry mail');
      assert.deepEqual([...new Set(perBooking.values())], [1], 'and only one');

      const failed = await app.notifications({ status: 'failed' });
      assert.deepEqual(failed, []);
      const eventIds = sales.map(({ event }) => event.id);
      const check = await checkInventory(app.store, app.actor, { eventIds });
      assert.ok(check.ok, JSON.stringify(check.zones));
      for (const { event, zone } of sales) {
        const snapshot = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
        assert.equal(snapshot?.available, holds / events);
      }
    });
  });
}
