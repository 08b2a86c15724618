// Scale-out on Redis Cluster: two `command-api` processes (children of the test) share the seat counters
// on a cluster of three masters and one PostgreSQL event store. Buyers race across both processes for the
// last seats of several events: nothing is oversold, no buyer passes the limit, no cluster error
// (CROSSSLOT, MOVED) reaches anyone, and every 201 is a BookingReserved in the log.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BookingView } from '../../domain/booking';
import { clusterSkipReason } from '../../infra/testing';
import { openBookingApp, waitFor, type BookingApp, type Person, type Reply } from '../booking/harness';
import { reservedSeatsInLog } from '../booking/log-facts';
import { assertInventoryHolds } from '../booking-failures/support';
import { RoleProcess } from '../payments/role-process';

const events = 5;
const capacity = 6;
const maxTicketsPerUser = 2;
const racersPerEvent = 15;

/** `POST /bookings` on one process, with a fresh Idempotency-Key. */
async function reserveAt(
  api: RoleProcess,
  buyer: Person,
  zoneId: string,
  quantity: number,
): Promise<Reply<BookingView>> {
  const response = await fetch(`${api.url}/api/v1/bookings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${buyer.token}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ zoneId, quantity }),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Reply<BookingView>['body'],
  };
}

const outcome = (reply: Reply<unknown>) =>
  reply.status === 201 ? '201' : `${reply.status} ${reply.body.error?.code ?? JSON.stringify(reply.body)}`;

describe('two command APIs on one Redis Cluster', { skip: clusterSkipReason() }, () => {
  let app: BookingApp;
  let apis: RoleProcess[] = [];
  before(async () => {
    // This process: the catalog, projections and provisioner, on the cluster too (for setup and checks);
    // no saga, so holds stay held. The two command APIs are children on the same servers and keys.
    app = await openBookingApp({ inventory: 'redis-cluster', saga: 'off' });
    apis = [RoleProcess.beside(app, 'command-api'), RoleProcess.beside(app, 'command-api')];
    await Promise.all(apis.map((api) => api.start()));
  });
  after(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await app?.close();
  });

  it('sells the last seats of every event exactly once to buyers racing across both processes', async () => {
    const sales = [];
    for (let index = 0; index < events; index++)
      sales.push(await app.zoneOnSale({ capacity, maxTicketsPerUser }));
    const zoneIds = sales.map((sale) => sale.zone.id);
    // Each process follows the log into its own catalog view: wait until both sell every zone (a request
    // over the limit is refused from the view alone, before any seat is touched).
    const probe = await app.person();
    for (const api of apis)
      for (const zoneId of zoneIds)
        await waitFor(async () => {
          const reply = await reserveAt(api, probe, zoneId, maxTicketsPerUser + 1);
          return reply.body.error?.code === 'TICKET_LIMIT_EXCEEDED';
        }, 20_000);

    // First each process sells two seats of every event, so both hold seats on the shared counters.
    const replies: {
      api: number;
      buyer: Person;
      zoneId: string;
      quantity: number;
      reply: Reply<BookingView>;
    }[] = [];
    for (const zoneId of zoneIds)
      for (const [api, process] of apis.entries()) {
        const buyer = await app.person();
        const reply = await reserveAt(process, buyer, zoneId, 2);
        assert.equal(reply.status, 201, `process ${api}: ${JSON.stringify(reply.body)}`);
        replies.push({ api, buyer, zoneId, quantity: 2, reply });
      }

    // Then the race for the last two seats of each event: every racer asks both processes at once, one
    // seat on the first and two on the second, so a racer can also run into the limit across processes.
    const racers = await Promise.all(
      zoneIds.flatMap((zoneId) =>
        Array.from({ length: racersPerEvent }, async () => ({ zoneId, buyer: await app.person() })),
      ),
    );
    const race = racers.flatMap(({ zoneId, buyer }) =>
      apis.map((process, api) => {
        const quantity = api + 1;
        return reserveAt(process, buyer, zoneId, quantity).then((reply) => ({
          api,
          buyer,
          zoneId,
          quantity,
          reply,
        }));
      }),
    );
    const raced = await Promise.all(race);
    replies.push(...raced);

    const outcomes = new Map<string, number>();
    for (const { reply } of raced) outcomes.set(outcome(reply), (outcomes.get(outcome(reply)) ?? 0) + 1);
    const summary = JSON.stringify(Object.fromEntries(outcomes));
    for (const { reply } of raced)
      assert.ok(
        reply.status === 201 ||
          (reply.status === 409 &&
            ['INSUFFICIENT_SEATS', 'TICKET_LIMIT_EXCEEDED'].includes(reply.body.error.code)),
        `only 201 and 409 sold out / over the limit may answer; got ${outcome(reply)} (${summary})`,
      );

    const accepted = replies.filter(({ reply }) => reply.status === 201);
    for (const zoneId of zoneIds) {
      const sold = accepted
        .filter((entry) => entry.zoneId === zoneId)
        .reduce((seats, entry) => seats + entry.quantity, 0);
      assert.equal(sold, capacity, `zone ${zoneId}: ${sold} seats answered 201 of ${capacity} (${summary})`);
    }
    const perBuyer = new Map<string, number>();
    for (const { buyer, zoneId, quantity } of accepted) {
      const key = `${buyer.userId}/${zoneId}`;
      perBuyer.set(key, (perBuyer.get(key) ?? 0) + quantity);
    }
    for (const [key, seats] of perBuyer) assert.ok(seats <= maxTicketsPerUser, `${key} holds ${seats}`);

    // Both processes now see every zone sold out: one set of counters, wherever a request lands.
    const late = await app.person();
    for (const api of apis)
      for (const zoneId of zoneIds) {
        const reply = await reserveAt(api, late, zoneId, 1);
        assert.equal(outcome(reply), '409 INSUFFICIENT_SEATS');
      }

    // The log agrees: one BookingReserved per 201, seats per zone exactly the capacity.
    for (const zoneId of zoneIds) {
      let seats = 0;
      await waitFor(
        async () => (seats = await reservedSeatsInLog(app.store, zoneId)) >= capacity,
        10_000,
      ).catch(() => undefined);
      assert.equal(seats, capacity, `zone ${zoneId}: ${seats} seats reserved in the log`);
    }
    const reserved = await app.store.readAll({ categories: ['booking'], types: ['BookingReserved'] });
    const ours = reserved.events.filter((event) =>
      zoneIds.includes((event.data as { zoneId: string }).zoneId),
    );
    assert.deepEqual(
      ours.map((event) => (event.data as { bookingId: string }).bookingId).sort(),
      accepted.map(({ reply }) => reply.body.data.id).sort(),
      'every 201 is one BookingReserved, and nothing else is',
    );
    for (const sale of sales) {
      const counter = await app.actor.snapshot({ eventId: sale.event.id, zoneId: sale.zone.id });
      assert.deepEqual([counter?.available, counter?.held], [0, capacity]);
    }
    await assertInventoryHolds(
      app,
      sales.map((sale) => sale.event.id),
    );
    for (const [index, api] of apis.entries())
      assert.doesNotMatch(api.output.join(''), /CROSSSLOT|MOVED|CLUSTERDOWN|TRYAGAIN/, `process ${index}`);
  });
});
