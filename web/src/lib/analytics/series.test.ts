import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MinutePoint } from '../api/analytics';
import { dayLabel, minuteRows, timeLabel } from './series';

const point = (minute: string, counts: Partial<MinutePoint> = {}): MinutePoint => ({
  minute,
  reservations: 0,
  seatsReserved: 0,
  confirmations: 0,
  seatsSold: 0,
  expiries: 0,
  seatsExpired: 0,
  cancellations: 0,
  seatsCancelled: 0,
  refunds: 0,
  revenue: {},
  refunded: {},
  ...counts,
});

const minutes = [
  point('2030-03-01T10:00:00.000Z', { reservations: 2, seatsSold: 1 }),
  point('2030-03-01T10:01:00.000Z', { confirmations: 1, seatsSold: 2 }),
  point('2030-03-01T10:02:00.000Z', { expiries: 1, seatsExpired: 3 }),
];

describe('per-minute rows', () => {
  it('keeps one row per minute', () => {
    assert.deepEqual(
      minuteRows(minutes).map((row) => [row.start, row.reservations, row.confirmations, row.expiries]),
      [
        ['2030-03-01T10:00:00.000Z', 2, 0, 0],
        ['2030-03-01T10:01:00.000Z', 0, 1, 0],
        ['2030-03-01T10:02:00.000Z', 0, 0, 1],
      ],
    );
  });

  it('sums groups of minutes, each starting at its first minute', () => {
    assert.deepEqual(minuteRows(minutes, 2), [
      {
        start: '2030-03-01T10:00:00.000Z',
        reservations: 2,
        confirmations: 1,
        expiries: 0,
        seatsExpired: 0,
        seatsSold: 3,
      },
      {
        start: '2030-03-01T10:02:00.000Z',
        reservations: 0,
        confirmations: 0,
        expiries: 1,
        seatsExpired: 3,
        seatsSold: 0,
      },
    ]);
  });
});

describe('time and day labels', () => {
  it('writes a minute in the given locale and time zone', () => {
    assert.equal(timeLabel('2030-03-01T10:05:00.000Z', { locale: 'en-GB', timeZone: 'UTC' }), '10:05');
    assert.equal(
      timeLabel('2030-03-01T10:05:00.000Z', { locale: 'en-US', timeZone: 'Asia/Bangkok' }),
      '5:05 PM',
    );
  });

  it('writes a UTC day without shifting it to the local zone', () => {
    assert.equal(dayLabel('2030-03-09', 'en-US'), 'Mar 9');
    assert.equal(dayLabel('2030-12-31', 'en-GB'), '31 Dec');
  });
});
