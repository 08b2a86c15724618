// Proof that the reservation endpoint never oversells, over HTTP, on real Redis and the in-process actor.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bookingCategory } from '../../domain/booking';
import { inventories, openBookingApp, type BookingApp } from './harness';
import { reservedSeatsInLog } from './log-facts';

for (const inventory of inventories) {
  describe(`reservations never oversell (${inventory} inventory)`, () => {
    let app: BookingApp;
    before(async () => {
      app = await openBookingApp({ inventory });
    });
    after(() => app.close());

    it('gives the last seat to exactly 1 of 100 concurrent buyers; 99 hear INSUFFICIENT_SEATS', async () => {
      const { zone, event } = await app.zoneOnSale({ capacity: 1 });
      const buyers = await Promise.all(Array.from({ length: 100 }, () => app.person()));
      const replies = await Promise.all(buyers.map((buyer) => app.reserve(buyer, zone.id, 1)));
      const statuses = replies.map((reply) => reply.status);
      assert.equal(statuses.filter((status) => status === 201).length, 1);
      const refused = replies.filter((reply) => reply.status === 409);
      assert.equal(refused.length, 99);
      for (const reply of refused) assert.equal(reply.body.error.code, 'INSUFFICIENT_SEATS');
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.deepEqual([counter?.available, counter?.held], [0, 1]);
      assert.equal(await reservedSeatsInLog(app.store, zone.id), 1);
    });

    it('sells 100 seats to 1,000 concurrent requests of 1–4 seats without going below zero', async () => {
      const { zone, event } = await app.zoneOnSale({ capacity: 100 });
      const buyers = await Promise.all(Array.from({ length: 1000 }, () => app.person()));
      const quantities = buyers.map((_, index) => (index % 4) + 1);
      const replies = await Promise.all(
        buyers.map((buyer, index) => app.reserve(buyer, zone.id, quantities[index]!)),
      );
      let sold = 0;
      replies.forEach((reply, index) => {
        if (reply.status === 201) sold += quantities[index]!;
        else assert.equal(reply.body.error.code, 'INSUFFICIENT_SEATS', JSON.stringify(reply.body));
      });
      assert.ok(sold <= 100, `sold ${sold} of 100`);
      // With 1,000 requests for 100 seats the zone ends full, save perhaps a seat or three no quantity fit.
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.equal(counter?.held, sold);
      assert.equal(counter?.available, 100 - sold);
      assert.ok(counter!.available >= 0 && counter!.available < 4);
      assert.equal(await reservedSeatsInLog(app.store, zone.id), sold);
    });

    it('never lets one buyer pass the event limit across zones with concurrent requests', async () => {
      const { zones } = await app.zoneOnSale({ capacity: 50, maxTicketsPerUser: 4, zones: 3 });
      const buyer = await app.person();
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, index) => app.reserve(buyer, zones[index % 3]!.id, (index % 2) + 1)),
      );
      const held = replies
        .filter((reply) => reply.status === 201)
        .reduce((sum, reply) => sum + reply.body.data.quantity, 0);
      assert.ok(held <= 4 && held >= 3, `held ${held}`);
      for (const reply of replies.filter((r) => r.status !== 201)) {
        assert.equal(reply.body.error.code, 'TICKET_LIMIT_EXCEEDED');
      }
    });

    it('lets a buyer buy, cancel, and buy again up to the limit', async () => {
      const { zone } = await app.zoneOnSale({ capacity: 50, maxTicketsPerUser: 4 });
      const buyer = await app.person();
      const first = await app.reserve(buyer, zone.id, 4);
      assert.equal(first.status, 201);
      assert.equal((await app.reserve(buyer, zone.id, 1)).body.error.code, 'TICKET_LIMIT_EXCEEDED');
      const cancelled = await app.request('POST', `/bookings/${first.body.data.id}/cancel`, {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        body: { reason: 'changed my mind' },
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal((cancelled.body.data as { status: string }).status, 'cancelled');
      assert.equal((await app.reserve(buyer, zone.id, 4)).status, 201);
      assert.equal((await app.reserve(buyer, zone.id, 1)).body.error.code, 'TICKET_LIMIT_EXCEEDED');
    });

    it('answers 50 concurrent retries of one Idempotency-Key with one hold and 50 identical answers', async () => {
      const { zone, event } = await app.zoneOnSale({ capacity: 10 });
      const buyer = await app.person();
      const key = randomUUID();
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => app.reserve(buyer, zone.id, 2, key)),
      );
      for (const reply of replies) {
        assert.equal(reply.status, 201);
        assert.deepEqual(reply.body, replies[0]!.body);
      }
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.equal(counter?.held, 2);
      const reservations = await app.store.readAll({
        categories: [bookingCategory],
        types: ['BookingReserved'],
      });
      const ours = reservations.events.filter((e) => (e.data as { zoneId: string }).zoneId === zone.id);
      assert.equal(ours.length, 1);
      const reused = await app.reserve(buyer, zone.id, 3, key);
      assert.equal(reused.status, 422);
      assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
    });
  });
}
