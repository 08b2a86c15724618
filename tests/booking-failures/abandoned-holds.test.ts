// Seats that nobody will pay for come back on time: a buyer who reserves and disappears (BookingExpired
// appended), and a process that dies between the hold and its append (an orphan hold: no event at all).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { BookingView } from '../../domain/booking';
import type { Hold, HoldRequest, HoldResult } from '../../infra/ports/inventory-actor';
import { BookingTokens } from '../../infra/roles/modules/booking-tokens';
import {
  inventories,
  openBookingApp,
  requestPaymentDirectly,
  waitFor,
  type BookingApp,
} from '../booking/harness';
import { assertInventoryHolds, bookingHistories, OwnRedis } from './support';

const fixture = fileURLToPath(new URL('./fixtures/hold-then-hang.ts', import.meta.url));

/** Holds through a child process on the same Redis, then SIGKILLs it before it could append. */
async function holdInDyingProcess(
  redisUrl: string,
  keyPrefix: string,
  request: HoldRequest,
): Promise<HoldResult> {
  const args = ['--import', 'tsx', fixture, redisUrl, keyPrefix, JSON.stringify(request)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    await waitFor(() => output.includes('\n') || child.exitCode !== null, 15_000);
    assert.ok(output.includes('\n'), `the fixture exited with ${child.exitCode} before holding`);
    return JSON.parse(output.split('\n')[0]!) as HoldResult;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
}

for (const inventory of inventories) {
  describe(`abandoned holds return their seats (${inventory} inventory)`, () => {
    let app: BookingApp;
    let redis: OwnRedis | undefined;
    const keyPrefix = `test:booking-failures:${randomUUID().slice(0, 8)}:`;
    before(async () => {
      redis = inventory === 'redis' ? await OwnRedis.start() : undefined;
      app = await openBookingApp({
        saga: 'off',
        inventory,
        ttlSeconds: 1,
        env: {
          EXPIRY_SWEEP_INTERVAL_MS: '100',
          REDIS_KEY_PREFIX: keyPrefix,
          ...(redis ? { REDIS_URL: redis.url } : {}),
        },
      });
    });
    after(async () => {
      await app?.close();
      await redis?.kill();
    });

    it('gives a vanished buyer’s seats back within 5 s of expiry and records BookingExpired', async () => {
      const capacity = 10;
      const { event, zone } = await app.zoneOnSale({ capacity });
      const counter = () => app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      const [vanished, payer] = [await app.person(), await app.person()];
      const abandoned = await app.reserve(vanished, zone.id, 3);
      assert.equal(abandoned.status, 201, JSON.stringify(abandoned.body));
      const paid = await app.reserve(payer, zone.id, 2);
      assert.equal(paid.status, 201, JSON.stringify(paid.body));
      // The paying buyer's payment confirms in time: those seats must stay taken.
      const lifecycle = await app.running.container.getAsync(BookingTokens.Lifecycle);
      const confirmed = await lifecycle.confirm({
        bookingId: paid.body.data.id,
        paymentId: await requestPaymentDirectly(lifecycle, paid.body.data),
        confirmationCode: 'BR-PAID',
        metadata: { correlationId: randomUUID(), userId: 'system:test-payments' },
      });
      assert.equal(confirmed.ok, true, JSON.stringify(confirmed));
      assert.deepEqual([(await counter())?.held, (await counter())?.confirmed], [3, 2]);

      const expiresAt = Date.parse(abandoned.body.data.expiresAt);
      await waitFor(async () => (await counter())?.available === capacity - 2, 1_000 + 5_000 + 1_000);
      const returnedAt = Date.now();
      assert.ok(returnedAt >= expiresAt, 'the seats did not come back before the hold expired');
      assert.ok(returnedAt - expiresAt <= 5_000, `seats came back ${returnedAt - expiresAt} ms after expiry`);
      assert.deepEqual(
        [(await counter())?.held, (await counter())?.confirmed],
        [0, 2],
        'only the abandoned hold was released',
      );

      let history: string[] | undefined;
      await waitFor(async () => {
        history = (await bookingHistories(app)).get(abandoned.body.data.id);
        return history?.includes('BookingExpired') === true;
      }, 5_000).catch(() => undefined);
      assert.deepEqual(history, ['BookingReserved', 'BookingExpired']);
      assert.deepEqual((await bookingHistories(app)).get(paid.body.data.id), [
        'BookingReserved',
        'BookingPaymentRequested',
        'BookingConfirmed',
      ]);

      const shown = await app.request<BookingView>('GET', `/bookings/${abandoned.body.data.id}`, {
        token: vanished.token,
      });
      assert.equal(shown.status, 200, JSON.stringify(shown.body));
      assert.equal(shown.body.data.status, 'expired');
      await assertInventoryHolds(app, [event.id]);
    });

    it('returns the seats of a hold whose process died before appending, with no event for it', async () => {
      const capacity = 6;
      const { event, zone } = await app.zoneOnSale({ capacity });
      const counter = () => app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      const bookingId = randomUUID();
      const request: HoldRequest = {
        bookingId,
        eventId: event.id,
        zoneId: zone.id,
        userId: randomUUID(),
        quantity: 4,
        unitPrice: 150000,
        currency: 'THB',
        idempotencyKey: randomUUID(),
        maxPerUser: 4,
        ttlMs: 1_000,
        now: Date.now(),
      };
      // What a crash leaves: a hold in the actor, no BookingReserved. With Redis, a real process holds and
      // is SIGKILLed; the in-process actor lives in this process, so the hold is made on it directly.
      const held = redis
        ? await holdInDyingProcess(redis.url, keyPrefix, request)
        : await app.actor.hold(request);
      assert.equal(held.ok, true, JSON.stringify(held));
      const hold = (held as { hold: Hold }).hold;
      assert.deepEqual([(await counter())?.held, (await counter())?.available], [4, 2], 'the leak is there');
      // While the orphan lives, the zone really is short of those seats.
      const late = await app.reserve(await app.person(), zone.id, 3);
      assert.equal(late.body.error?.code, 'INSUFFICIENT_SEATS', JSON.stringify(late.body));

      await waitFor(async () => (await counter())?.available === capacity, 1_000 + 5_000 + 1_000);
      const returnedAt = Date.now();
      assert.ok(returnedAt >= hold.expiresAt, 'the orphan was released before its expiry');
      assert.ok(returnedAt - hold.expiresAt <= 5_000);
      assert.equal((await counter())?.held, 0);
      assert.equal((await bookingHistories(app)).get(bookingId), undefined, 'no event for an orphan');
      await assertInventoryHolds(app, [event.id]);
      // The seats are really back: the whole zone sells again.
      const buyer = await app.person();
      const again = await app.reserve(buyer, zone.id, 4);
      assert.equal(again.status, 201, JSON.stringify(again.body));
    });
  });
}
