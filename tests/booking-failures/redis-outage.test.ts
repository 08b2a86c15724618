// Redis (the inventory actor, and the idempotency store beside it) dies mid-traffic and comes back empty:
// every request is answered within the client's timeout, the failures are 503, nothing is oversold, and
// the zone's counter is rebuilt from the event store before a single hold is granted again.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import { BookingTokens } from '../../infra/roles/modules/booking-tokens';
import {
  openBookingApp,
  requestPaymentDirectly,
  waitFor,
  type BookingApp,
  type Person,
} from '../booking/harness';
import { assertInventoryHolds, OwnRedis, seatsReservedInLog } from './support';

const clientTimeoutMs = 3_000;

type Outcome = {
  readonly status: number | 'no answer';
  readonly code?: string;
  readonly message?: string;
  readonly quantity: number;
  readonly elapsedMs: number;
};

describe('Redis stops mid-traffic and restarts empty (redis inventory)', () => {
  let redis: OwnRedis;
  let app: BookingApp;
  before(async () => {
    redis = await OwnRedis.start();
    app = await openBookingApp({ inventory: 'redis', env: { REDIS_URL: redis.url }, saga: 'off' });
  });
  after(async () => {
    await app?.close();
    await redis?.kill();
  });

  it('answers every request within the client timeout, 503 while Redis is gone, and oversells nothing', async () => {
    const capacity = 60;
    const { event, zone } = await app.zoneOnSale({ capacity, maxTicketsPerUser: 4 });
    const counter = () => app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    // One booking is paid for before the outage: the rebuild must count it as sold, not as free or held.
    const payer = await app.person();
    const paid = await app.reserve(payer, zone.id, 2);
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    const lifecycle = await app.running.container.getAsync(BookingTokens.Lifecycle);
    const confirmed = await lifecycle.confirm({
      bookingId: paid.body.data.id,
      paymentId: await requestPaymentDirectly(lifecycle, paid.body.data),
      confirmationCode: 'BR-PAID',
      metadata: { correlationId: randomUUID(), userId: 'system:test-payments' },
    });
    assert.equal(confirmed.ok, true, JSON.stringify(confirmed));

    const buyers: Person[] = await Promise.all(Array.from({ length: 200 }, () => app.person()));
    let nextBuyer = 0;
    const outcomes: Outcome[] = [];
    const afterKill: Outcome[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    let stop = false;

    const attempt = async (buyer: Person, quantity: number): Promise<Outcome> => {
      const started = Date.now();
      try {
        const reply = await app.request('POST', '/bookings', {
          token: buyer.token,
          idempotencyKey: randomUUID(),
          body: { zoneId: zone.id, quantity },
          timeoutMs: clientTimeoutMs,
        });
        const { code, message } = reply.body.error ?? {};
        return { status: reply.status, code, message, quantity, elapsedMs: Date.now() - started };
      } catch {
        return { status: 'no answer', quantity, elapsedMs: Date.now() - started };
      }
    };
    const worker = async (index: number) => {
      while (!stop) {
        const sentAt = Date.now();
        const outcome = await attempt(buyers[nextBuyer++ % buyers.length]!, (index % 2) + 1);
        outcomes.push(outcome);
        if (sentAt > killedAt) afterKill.push(outcome);
      }
    };
    const workers = Array.from({ length: 8 }, (_, index) => worker(index));

    // Let traffic take about a third of the zone, then SIGKILL Redis under it.
    await waitFor(() => outcomes.filter((outcome) => outcome.status === 201).length >= 15, 10_000);
    await redis.kill('SIGKILL');
    killedAt = Date.now();
    await waitFor(() => afterKill.length >= 24, 10_000);
    stop = true;
    await Promise.all(workers);

    const unanswered = outcomes.filter((outcome) => outcome.status === 'no answer');
    assert.deepEqual(unanswered, [], `requests left hanging past ${clientTimeoutMs} ms`);
    for (const outcome of outcomes) {
      assert.ok(outcome.status === 201 || outcome.status === 503, JSON.stringify(outcome));
      if (outcome.status === 503) assert.equal(outcome.code, 'SERVICE_UNAVAILABLE');
    }
    const refused = afterKill.filter((outcome) => outcome.status === 503);
    assert.equal(refused.length, afterKill.length, 'every request sent after the kill was refused');
    // The actor itself fails fast too (the HTTP 503s may come from the idempotency store in front of it).
    const started = Date.now();
    await assert.rejects(
      app.actor.hold({
        bookingId: randomUUID(),
        eventId: event.id,
        zoneId: zone.id,
        userId: randomUUID(),
        quantity: 1,
        unitPrice: 1,
        currency: 'THB',
        idempotencyKey: randomUUID(),
        maxPerUser: 4,
        ttlMs: 60_000,
        now: Date.now(),
      }),
      (error: unknown) => error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE',
    );
    assert.ok(Date.now() - started < 2_000, `the actor took ${Date.now() - started} ms to give up`);
    // A load balancer asking /ready hears that this process cannot take reservations now.
    const ready = await fetch(new URL('/ready', app.url));
    assert.equal(ready.status, 503);
    const checks = ((await ready.json()) as { checks: Record<string, { status: string }> }).checks;
    assert.equal(checks.inventory?.status, 'failed');

    const seatsSold =
      2 +
      outcomes
        .filter((outcome) => outcome.status === 201)
        .reduce((sum, outcome) => sum + outcome.quantity, 0);
    const seatsInLog = await seatsReservedInLog(app, zone.id, seatsSold);
    assert.equal(seatsInLog, seatsSold, 'every 201 is one BookingReserved, and nothing else is');
    assert.ok(seatsInLog <= capacity);

    // Redis comes back with nothing: the zone must be counted again from the log before it holds.
    await redis.start();
    await waitFor(async () => (await fetch(new URL('/ready', app.url))).status === 200);
    const lateBuyers: Person[] = await Promise.all(Array.from({ length: capacity }, () => app.person()));
    let firstHold: { status: number; code?: string; message?: string } = { status: 0 };
    let tries = 0;
    await waitFor(async () => {
      const reply = await app.reserve(lateBuyers[tries++ % lateBuyers.length]!, zone.id, 1);
      const { code, message } = reply.body.error ?? {};
      firstHold = { status: reply.status, code, message };
      if (reply.status !== 201) assert.equal(reply.status, 503, JSON.stringify(reply.body));
      return reply.status === 201;
    }, 10_000).catch((error: unknown) => {
      throw new Error(`no hold granted after Redis restarted; last answer ${JSON.stringify(firstHold)}`, {
        cause: error,
      });
    });
    // The first hold granted after the restart counts on top of every seat the log says is taken.
    const rebuilt = await counter();
    assert.deepEqual(
      { held: rebuilt?.held, confirmed: rebuilt?.confirmed, available: rebuilt?.available },
      { held: seatsInLog - 2 + 1, confirmed: 2, available: capacity - seatsInLog - 1 },
      'the rebuilt counter keeps the seats held and sold before the crash taken',
    );
    await assertInventoryHolds(app, [event.id]);

    // And it sells out at capacity, not at capacity plus what was held before the crash.
    const rush = await Promise.all(lateBuyers.map((buyer) => app.reserve(buyer, zone.id, 1)));
    for (const reply of rush) {
      if (reply.status !== 201) assert.equal(reply.body.error.code, 'INSUFFICIENT_SEATS');
    }
    assert.equal(await seatsReservedInLog(app, zone.id, capacity), capacity);
    const check = await assertInventoryHolds(app, [event.id]);
    assert.equal(check.zones[0]?.counters?.available, 0);
  });
});
