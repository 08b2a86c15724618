import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyActivity, toTotals } from './analytics-views';
import type { DailyDocument, MinuteDocument } from '../../projections/analytics/schema';
import { daySeries, minuteSeries } from './series';

const counters = (overrides: Partial<MinuteDocument & DailyDocument>) => ({
  ...emptyActivity(),
  eventId: 'e',
  zoneId: 'z1',
  currency: 'THB',
  revenue: 0,
  refunded: 0,
  ...overrides,
});

describe('analytics series', () => {
  test('gives one point per minute, zones and currencies summed, quiet minutes as zeros', () => {
    const from = new Date('2030-03-01T10:00:00.000Z');
    const docs = [
      counters({ minute: new Date('2030-03-01T10:01:00.000Z'), reservations: 2, revenue: 100 }),
      counters({ minute: new Date('2030-03-01T10:01:00.000Z'), zoneId: 'z2', reservations: 1, revenue: 50 }),
      counters({
        minute: new Date('2030-03-01T10:01:00.000Z'),
        currency: 'USD',
        confirmations: 1,
        revenue: 7,
      }),
      counters({ minute: new Date('2030-03-01T10:05:00.000Z'), expiries: 9 }),
    ] as MinuteDocument[];
    const points = minuteSeries(docs, from, 3);
    assert.deepEqual(
      points.map((p) => [p.minute, p.reservations, p.confirmations, p.revenue]),
      [
        ['2030-03-01T10:00:00.000Z', 0, 0, {}],
        ['2030-03-01T10:01:00.000Z', 3, 1, { THB: 150, USD: 7 }],
        ['2030-03-01T10:02:00.000Z', 0, 0, {}],
      ],
    );
  });

  test('gives one point per day of the range, both ends included', () => {
    const docs = [
      counters({ day: '2030-03-02', seatsSold: 4 }),
      counters({ day: '2030-03-09', seatsSold: 1 }),
    ] as DailyDocument[];
    const points = daySeries(docs, '2030-02-28', '2030-03-02');
    assert.deepEqual(
      points.map((p) => [p.day, p.seatsSold]),
      [
        ['2030-02-28', 0],
        ['2030-03-01', 0],
        ['2030-03-02', 4],
      ],
    );
  });

  test('derives conversion, expiry rate and net revenue from the counts', () => {
    const totals = toTotals({
      ...emptyActivity(),
      reservations: 3,
      confirmations: 1,
      expiries: 2,
      revenue: { THB: 3000 },
      refunded: { THB: 1000, USD: 5 },
    });
    assert.deepEqual(
      [totals.bookings, totals.conversion, totals.expiryRate, totals.netRevenue],
      [3, 0.3333, 0.6667, { THB: 2000, USD: -5 }],
    );
    assert.deepEqual([toTotals(emptyActivity()).conversion, toTotals(emptyActivity()).expiryRate], [0, 0]);
  });
});
