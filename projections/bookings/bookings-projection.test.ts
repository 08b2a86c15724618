import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bookingStreamId,
  type BookingCancelled,
  type BookingConfirmed,
  type BookingEvent,
  type BookingExpired,
} from '../../domain/booking';
import { cancelled, confirmed, expired, paymentId, refunded, reserved } from '../../domain/booking/testing';
import type { AppendResult } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { databaseDrivers } from '../../infra/testing';
import { physicalTableName } from '../runner';
import { Harness } from '../testing';
import { bookingsProjection } from './bookings-projection';
import { bookingsTable } from './schema';

const id = (digit: number) => `${String(digit).repeat(8)}-0000-4000-8000-000000000000`;
const of = <E extends BookingEvent>(bookingId: string, event: E): E =>
  ({ ...event, data: { ...event.data, bookingId } }) as E;

const { confirmedAt } = (confirmed as BookingConfirmed).data;
const { cancelledAt } = (cancelled as BookingCancelled).data;
const { expiredAt } = (expired as BookingExpired).data;

const paid = id(1);
const cancelledOne = id(2);
const refundedOne = id(3);
const live = id(4);
const neverReserved = id(5);

/** Four bookings, each ending differently, plus an event for a booking the log never reserved. */
const history: Array<[string, BookingEvent[]]> = [
  [paid, [of(paid, reserved)]],
  [cancelledOne, [of(cancelledOne, reserved)]],
  [paid, [of(paid, confirmed)]],
  [cancelledOne, [of(cancelledOne, cancelled)]],
  [refundedOne, [of(refundedOne, reserved), of(refundedOne, expired)]],
  [refundedOne, [of(refundedOne, refunded)]],
  [live, [{ ...of(live, reserved), data: { ...of(live, reserved).data, userId: 'customer-2' } }]],
  [neverReserved, [of(neverReserved, confirmed)]],
];

async function appendHistory(h: Harness): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const [bookingId, events] of history) last = await h.store.append(bookingStreamId(bookingId), events);
  return last!;
}

type Row = Record<string, unknown>;

/** Rows by id, timestamps as ISO strings, the position left out (it differs between databases). */
async function dump(db: SqlExecutor, table = bookingsTable): Promise<Row[]> {
  const rows = await db.query<{ row: Row }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY id`);
  const iso = (value: unknown) => (value === null ? null : new Date(String(value)).toISOString());
  return rows.map(({ row }) => ({
    ...row,
    expires_at: iso(row.expires_at),
    reserved_at: iso(row.reserved_at),
    ended_at: iso(row.ended_at),
  }));
}

for (const driver of databaseDrivers) {
  describe(`bookings projection on ${driver.name}`, () => {
    test('keeps one row per reserved booking with the status, end time and code its events give', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await appendHistory(h);
        const runner = h.runner(bookingsProjection, { batchSize: 100 });
        await runner.start();
        await runner.waitFor(last.checkpoint);
        const rows = await dump(h.sql);
        assert.deepEqual(
          rows.map((row) => [
            row.id,
            row.user_id,
            row.status,
            row.ended_at,
            row.confirmation_code,
            row.revision,
          ]),
          [
            [paid, 'customer-1', 'confirmed', confirmedAt, 'BR-7Q2K', 1],
            [cancelledOne, 'customer-1', 'cancelled', cancelledAt, null, 1],
            [refundedOne, 'customer-1', 'refunded', expiredAt, null, 2],
            [live, 'customer-2', 'reserved', null, null, 0],
          ],
        );
        const { updated_position: position, ...first } = rows[0]!;
        assert.ok(Number(position) > 0);
        assert.deepEqual(first, {
          id: paid,
          user_id: 'customer-1',
          event_id: reserved.data.eventId,
          show_id: reserved.data.showId,
          zone_id: reserved.data.zoneId,
          quantity: 2,
          unit_price: 150000,
          total_price: 300000,
          currency: 'THB',
          status: 'confirmed',
          expires_at: reserved.data.expiresAt,
          reserved_at: reserved.data.reservedAt,
          ended_at: confirmedAt,
          confirmation_code: 'BR-7Q2K',
          payment_id: paymentId,
          payment_status: 'succeeded',
          payment_failure_reason: null,
          refund_due: null,
          refunded_amount: 0,
          revision: 1,
        });
      } finally {
        await h.close();
      }
    });

    test('gives the same rows whether it applies one event per batch or all at once, and after a rebuild', async () => {
      const dumps: Row[][] = [];
      for (const batchSize of [1, 100]) {
        const h = await Harness.open(driver);
        try {
          const last = await appendHistory(h);
          const runner = h.runner(bookingsProjection, { batchSize });
          await runner.start();
          await runner.waitFor(last.checkpoint);
          dumps.push(await dump(h.sql));
          await runner.rebuild();
          assert.deepEqual(await dump(h.sql), dumps.at(-1), 'a rebuild gives identical rows');
        } finally {
          await h.close();
        }
      }
      const withoutPositions = (rows: Row[]) => rows.map(({ updated_position: _, ...row }) => row);
      assert.deepEqual(withoutPositions(dumps[1]!), withoutPositions(dumps[0]!));
    });

    test('never takes a row back to an older state when events it already applied arrive again', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await appendHistory(h);
        const runner = h.runner(bookingsProjection);
        await runner.start();
        await runner.waitFor(last.checkpoint);
        await runner.stop();
        const before = await dump(h.sql);
        const { events } = await h.store.readAll({ categories: ['booking'] });
        const tables = { generation: 1, get: (logical: string) => physicalTableName(logical, 1) };
        // The whole log again, then only the reservations (older than every row), each in one transaction.
        await h.sql.transaction((tx) => bookingsProjection.apply(tx, events, tables));
        const reservations = events.filter((event) => event.type === 'BookingReserved');
        await h.sql.transaction((tx) => bookingsProjection.apply(tx, reservations, tables));
        assert.deepEqual(await dump(h.sql), before);
      } finally {
        await h.close();
      }
    });
  });
}
