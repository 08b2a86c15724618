import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { bookingStreamId, type BookingEvent } from '../../domain/booking';
import {
  cancelled,
  confirmed,
  expired,
  expiresAt,
  paymentRequested,
  reserved,
} from '../../domain/booking/testing';
import { eventStreamId } from '../../domain/catalog';
import { paymentStreamId, type PaymentEvent } from '../../domain/payment';
import type { AppendResult, EventStore, NewEvent } from '../../infra/ports/event-store';
import { databaseDrivers, ProjectionHarness as Harness } from '../../infra/testing';
// The saga runs under the projections' runner; its test drives it with the runner's own harness
// (sagas/ code may not import projections/).
import { bookingSagaProjection } from './booking-saga-projection';
import { messageIdOf } from './message-ids';
import { bookingSagaStreamId } from './saga-events';
import { sagaCommandsTable } from './saga-tables';
import { readCommands } from './testing';

const expiryGraceMs = 5000;
const saga = () => bookingSagaProjection({ expiryGraceMs });
const timeout = 30_000;

/** One booking's events, with fresh ids, for the catalog event `eventId`. */
function aBooking(eventId: string = reserved.data.eventId) {
  const bookingId = randomUUID();
  const paymentId = randomUUID();
  const of = <E extends BookingEvent>(event: E): E =>
    ({
      ...event,
      data: { ...event.data, bookingId, ...('paymentId' in event.data ? { paymentId } : {}) },
    }) as E;
  const payment = (event: PaymentEvent): PaymentEvent =>
    ({ ...event, data: { ...event.data, bookingId, paymentId } }) as PaymentEvent;
  return {
    bookingId,
    paymentId,
    reserved: { ...reserved, data: { ...reserved.data, bookingId, eventId } },
    paymentRequested: of(paymentRequested),
    confirmed: of(confirmed),
    cancelled: of(cancelled),
    expired: of(expired),
    paymentSucceeded: payment({
      type: 'PaymentSucceeded',
      data: {
        paymentId,
        bookingId,
        chargeId: 'ch_1',
        amount: 300000,
        currency: 'THB',
        succeededAt: '2030-03-01T10:01:00.000Z',
      },
    }),
    paymentFailed: payment({
      type: 'PaymentFailed',
      data: {
        paymentId,
        bookingId,
        reason: 'DECLINED',
        message: 'Your card was declined',
        attempts: 1,
        failedAt: '2030-03-01T10:01:00.000Z',
      },
    }),
  };
}
type Booking = ReturnType<typeof aBooking>;

const toBooking = (booking: Booking, ...events: BookingEvent[]) =>
  [bookingStreamId(booking.bookingId), events] as const;
const toPayment = (booking: Booking, ...events: PaymentEvent[]) =>
  [paymentStreamId(booking.paymentId), events] as const;
const eventCancelled = (eventId: string) =>
  [
    eventStreamId(eventId),
    [
      {
        type: 'EventCancelled',
        data: { eventId, reason: 'Tour postponed', occurredAt: '2030-03-01T11:00:00.000Z' },
        metadata: { userId: 'organizer-1' },
      },
    ],
  ] as const;

type Append = readonly [string, readonly NewEvent[]];

async function appendAll(store: EventStore, appends: readonly Append[]): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const [streamId, events] of appends) last = await store.append(streamId, events);
  if (!last) throw new TypeError('append something');
  return last;
}

for (const driver of databaseDrivers) {
  describe(`booking saga projection on ${driver.name}`, () => {
    async function withHarness(test: (h: Harness) => Promise<void>) {
      const h = await Harness.open(driver);
      try {
        await test(h);
      } finally {
        await h.close();
      }
    }

    it(
      'schedules a hold timeout at the expiry plus the grace, and skips it once the booking is confirmed',
      {
        timeout,
      },
      () =>
        withHarness(async (h) => {
          const paid = aBooking();
          const unpaid = aBooking();
          const runner = h.runner(saga());
          await runner.start();
          await runner.waitFor(
            (await appendAll(h.store, [toBooking(paid, paid.reserved), toBooking(unpaid, unpaid.reserved)]))
              .checkpoint,
          );

          const timeouts = await readCommands(h.sql);
          assert.deepEqual(
            timeouts.map((row) => [
              row.messageId,
              row.key,
              row.type,
              row.command,
              row.dueAt.toISOString(),
              row.status,
            ]),
            [paid, unpaid]
              .map(({ bookingId }) => [
                messageIdOf(bookingId, 'expire'),
                'expire',
                'ExpireHold',
                { type: 'ExpireHold', bookingId },
                new Date(expiresAt.getTime() + expiryGraceMs).toISOString(),
                'pending',
              ])
              .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
          );

          await runner.waitFor((await appendAll(h.store, [toBooking(paid, paid.confirmed)])).checkpoint);
          const statuses = new Map((await readCommands(h.sql)).map((row) => [row.sagaId, row.status]));
          assert.equal(statuses.get(paid.bookingId), 'skipped');
          assert.equal(statuses.get(unpaid.bookingId), 'pending');
        }),
    );

    it(
      'schedules one charge per payment request, and a rebuild that decides it again adds no second row',
      {
        timeout,
      },
      () =>
        withHarness(async (h) => {
          const booking = aBooking();
          const runner = h.runner(saga());
          await runner.start();
          const last = await appendAll(h.store, [
            toBooking(booking, booking.reserved, booking.paymentRequested),
          ]);
          await runner.waitFor(last.checkpoint);

          const chargeId = messageIdOf(booking.bookingId, `charge:${booking.paymentId}`);
          const charges = (await readCommands(h.sql)).filter((row) => row.type === 'RequestCharge');
          assert.deepEqual(
            charges.map((row) => [row.messageId, row.command]),
            [
              [
                chargeId,
                {
                  type: 'RequestCharge',
                  bookingId: booking.bookingId,
                  paymentId: booking.paymentId,
                  userId: reserved.data.userId,
                  amount: 300000,
                  currency: 'THB',
                  card: { token: 'tok_test', last4: '4242', brand: 'visa' },
                },
              ],
            ],
          );
          // The scheduler ran it: a rebuild must neither add it again nor make it due again.
          await h.sql.query(`UPDATE ${sagaCommandsTable} SET status = 'done' WHERE message_id = $1`, [
            chargeId,
          ]);
          const before = await readCommands(h.sql);

          await runner.rebuild();
          await runner.waitFor(last.checkpoint);
          assert.deepEqual(await readCommands(h.sql), before);
        }),
    );

    it(
      'cancels every open booking of a cancelled event, and a hold of it that lands afterwards',
      {
        timeout,
      },
      () =>
        withHarness(async (h) => {
          const eventId = randomUUID();
          const open = aBooking(eventId);
          const paid = aBooking(eventId);
          const lapsed = aBooking(eventId);
          const withdrawn = aBooking(eventId);
          const elsewhere = aBooking(randomUUID());
          const late = aBooking(eventId);
          const runner = h.runner(saga());
          await runner.start();
          const last = await appendAll(h.store, [
            toBooking(open, open.reserved),
            toBooking(paid, paid.reserved, paid.confirmed),
            toBooking(lapsed, lapsed.reserved, lapsed.expired),
            toBooking(withdrawn, withdrawn.reserved, withdrawn.cancelled),
            toBooking(elsewhere, elsewhere.reserved),
            eventCancelled(eventId),
            toBooking(late, late.reserved),
          ]);
          await runner.waitFor(last.checkpoint);

          const cancellations = (await readCommands(h.sql)).filter((row) => row.type === 'CancelForEvent');
          assert.deepEqual(
            cancellations.map((row) => [row.messageId, row.sagaId]),
            [open, paid, late]
              .map(({ bookingId }) => [messageIdOf(bookingId, 'event-cancelled'), bookingId])
              .sort((a, b) => a[0]!.localeCompare(b[0]!)),
          );
          // The hold that landed after the cancellation is closed with the same organizer and reason.
          for (const booking of [open, late])
            assert.deepEqual(cancellations.find((row) => row.sagaId === booking.bookingId)?.command, {
              type: 'CancelForEvent',
              bookingId: booking.bookingId,
              by: 'organizer-1',
              reason: 'Tour postponed',
            });
        }),
    );

    it(
      'schedules the same commands whether it applies one event per batch or a hundred',
      { timeout },
      async () => {
        const eventId = randomUUID();
        const [happy, declined, tooLate, refused, regretted, open, late] = [
          aBooking(),
          aBooking(),
          aBooking(),
          aBooking(),
          aBooking(),
          aBooking(eventId),
          aBooking(eventId),
        ] as [Booking, Booking, Booking, Booking, Booking, Booking, Booking];
        const history: Append[] = [
          toBooking(happy, happy.reserved, happy.paymentRequested),
          toBooking(declined, declined.reserved, declined.paymentRequested),
          toBooking(tooLate, tooLate.reserved, tooLate.paymentRequested),
          toBooking(refused, refused.reserved, refused.paymentRequested),
          toBooking(regretted, regretted.reserved, regretted.paymentRequested),
          toBooking(open, open.reserved),
          toPayment(happy, happy.paymentSucceeded),
          toPayment(declined, declined.paymentFailed),
          toBooking(tooLate, tooLate.expired),
          toPayment(tooLate, tooLate.paymentSucceeded),
          toPayment(refused, refused.paymentSucceeded),
          [
            bookingSagaStreamId(refused.bookingId),
            [
              {
                type: 'ConfirmationRefused',
                data: {
                  bookingId: refused.bookingId,
                  paymentId: refused.paymentId,
                  reason: 'HOLD_EXPIRED',
                  refusedAt: '2030-03-01T10:02:00.000Z',
                },
              },
            ],
          ],
          toBooking(happy, happy.confirmed),
          toPayment(regretted, regretted.paymentSucceeded),
          toBooking(regretted, regretted.confirmed, {
            ...regretted.cancelled,
            data: {
              ...regretted.cancelled.data,
              refund: { paymentId: regretted.paymentId, percent: 50, amount: 150000, currency: 'THB' },
            },
          } as BookingEvent),
          eventCancelled(eventId),
          toBooking(late, late.reserved),
        ];

        const tables: Array<Array<[string, string, string]>> = [];
        for (const batchSize of [1, 100]) {
          await withHarness(async (h) => {
            const runner = h.runner(saga(), { batchSize });
            await runner.start();
            await runner.waitFor((await appendAll(h.store, history)).checkpoint);
            tables.push((await readCommands(h.sql)).map((row) => [row.messageId, row.type, row.status]));
          });
        }

        assert.deepEqual(tables[1], tables[0]);
        assert.deepEqual([...new Set(tables[0]!.map(([, type]) => type))].sort(), [
          'CancelForEvent',
          'Confirm',
          'ExpireHold',
          'RecordPaymentFailure',
          'RequestCharge',
          'RequestRefund',
          'ReturnSeats',
        ]);
      },
    );
  });
}
