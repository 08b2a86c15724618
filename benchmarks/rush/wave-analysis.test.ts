import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FollowerState, Sample } from './probe';
import {
  expiryMailId,
  expiryPath,
  followerDrain,
  mailDelivery,
  peakPerWindow,
  processedThrough,
  sagaDue,
  spread,
  type WaveBooking,
} from './wave-analysis';
import { checkWaveTargets } from './wave-targets';

const sample = (
  t: number,
  head: number,
  followers: Record<string, FollowerState>,
  sagaCommands?: { pending: number; due: number },
): Sample => ({ t, head, published: 0, followers, ...(sagaCommands ? { sagaCommands } : {}) });

const booking = (id: string, dueAt: number, expiredAt?: number, expiredPosition?: number): WaveBooking => ({
  bookingId: id,
  dueAt,
  ...(expiredAt === undefined ? {} : { expiredAt, expiredPosition: expiredPosition ?? 0 }),
});

describe('expiry wave analysis', () => {
  it('takes p50, p99 and max by nearest rank, and the most events within any second', () => {
    assert.deepEqual(spread([3, 1, 2, 4]), { p50: 2, p99: 4, max: 4 });
    assert.equal(spread([]), undefined);
    assert.equal(peakPerWindow([0, 100, 999, 1000, 1001, 1500, 1999, 2000]), 4);
    assert.equal(peakPerWindow([]), 0);
  });

  it('follows the sweeper: holds overdue at once, delays, the last expiry and its position', () => {
    const path = expiryPath([
      booking('a', 1000, 1500, 10),
      booking('b', 1200, 3000, 12),
      booking('c', 1400, 2000, 11),
      booking('d', 5000),
    ]);
    assert.equal(path.holds, 4);
    assert.equal(path.expired, 3);
    assert.equal(path.firstDueAt, 1000);
    assert.equal(path.lastDueAt, 5000);
    assert.equal(path.lastExpiredAt, 3000);
    assert.equal(path.lastExpiredPosition, 12);
    assert.deepEqual(path.dueToExpired, { p50: 0.6, p99: 1.8, max: 1.8 });
    // At 1,400 ms a, b and c are due and a expired at 1,500: three at once, then d on its own.
    assert.equal(path.peakOverdue, 3);
  });

  it('counts each booking’s expiry mail: once, missing, twice, and mails of other bookings', () => {
    const bookings = [booking('a', 0, 1000, 1), booking('b', 0, 1200, 2), booking('c', 0, 1300, 3)];
    const mails = mailDelivery(bookings, [
      { at: 1100, messageId: expiryMailId('a') },
      { at: 1500, messageId: expiryMailId('b') },
      { at: 1600, messageId: expiryMailId('b') },
      { at: 1700, messageId: expiryMailId('probe-booking') },
      { at: 1800, messageId: '<booking-confirmed.a@notifications.booking-rush.local>' },
    ]);
    assert.equal(mails.once, 1);
    assert.equal(mails.missing, 1);
    assert.equal(mails.duplicated, 1);
    assert.equal(mails.extraMails, 1);
    assert.equal(mails.otherExpiryMails, 1);
    assert.equal(mails.otherMails, 1);
    assert.equal(mails.peakPerSecond, 3);
    assert.equal(mails.lastMailAfterLastExpiry, 0.3);
    // From each booking's expiry to its first mail: a 0.1 s, b 0.3 s.
    assert.deepEqual(mails.expiredToMail, { p50: 0.1, p99: 0.3, max: 0.3 });
  });

  it('places a log follower past a position by its oldest unprocessed event', () => {
    const at = (head: number, lagEvents: number) => sample(0, head, { f: { lagEvents } });
    assert.equal(processedThrough(at(100, 0), 'f', 100), true);
    assert.equal(processedThrough(at(99, 0), 'f', 100), false, 'the head has not reached it');
    assert.equal(processedThrough(at(120, 20), 'f', 100), true, 'oldest unprocessed is 101');
    assert.equal(processedThrough(at(120, 21), 'f', 100), false, 'oldest unprocessed is 100');
    assert.equal(processedThrough(sample(0, 200, { f: { lagEvents: 200, unknown: true } }), 'f', 1), false);
  });

  it('drains a log follower when it passes the last expiry, a bus group when it consumed what was published then', () => {
    const window = { firstDue: 0, lastDue: 1000, end: 5000 };
    const offsets = (committed: number, end: number) => ({ committed: [committed], end: [end] });
    const samples = [
      sample(500, 50, {
        f: { lagEvents: 30 },
        'integration-relay': { lagEvents: 40 },
        g: { lagEvents: 5, offsets: offsets(5, 10) },
      }),
      sample(1250, 100, {
        f: { lagEvents: 10 },
        'integration-relay': { lagEvents: 0 },
        g: { lagEvents: 40, offsets: offsets(10, 50) },
      }),
      sample(1500, 100, {
        f: { lagEvents: 0 },
        'integration-relay': { lagEvents: 0 },
        g: { lagEvents: 50, offsets: offsets(10, 60) },
      }),
      sample(2000, 100, {
        f: { lagEvents: 0 },
        'integration-relay': { lagEvents: 0 },
        g: { lagEvents: 5, offsets: offsets(55, 60) },
      }),
      sample(2750, 101, {
        f: { lagEvents: 1 },
        'integration-relay': { lagEvents: 0 },
        g: { lagEvents: 1, offsets: offsets(60, 61) },
      }),
    ];
    const options = { window, lastPosition: 100, relay: 'integration-relay' };
    const log = followerDrain(samples, 'f', { ...options, busGroup: false });
    assert.equal(log.drainSeconds, 0.5);
    assert.equal(log.peakBacklog, 30);
    // The relay passed 100 at 1,250 ms; the next sample's end offset (60) is consumed at 2,750 ms.
    const bus = followerDrain(samples, 'g', { ...options, busGroup: true });
    assert.equal(bus.drainSeconds, 1.75);
    assert.equal(bus.peakBacklog, 50);
    assert.equal(
      followerDrain(samples, 'f', { ...options, lastPosition: 500, busGroup: false }).drainSeconds,
      undefined,
    );
  });

  it('times the saga’s due commands back to 0 from the last due time plus the grace', () => {
    const window = { firstDue: 0, lastDue: 1000, end: 9000 };
    const samples = [
      sample(500, 0, {}, { pending: 100, due: 40 }),
      sample(2000, 0, {}, { pending: 80, due: 30 }),
      sample(2500, 0, {}, { pending: 60, due: 10 }),
      sample(3500, 0, {}, { pending: 50, due: 0 }),
    ];
    const saga = sagaDue(samples, window, 1000);
    assert.deepEqual(saga, {
      peakPending: 100,
      peakDue: 40,
      drainSeconds: 1.5,
      dueAtEnd: 0,
      pendingAtEnd: 50,
    });
    assert.equal(sagaDue(samples.slice(0, 3), window, 1000).drainSeconds, undefined);
  });

  it('checks the issue’s targets, the mail rate only where the notifier fell behind', () => {
    const mails = mailDelivery([booking('a', 0, 1000, 1)], [{ at: 1500, messageId: expiryMailId('a') }]);
    const base = {
      holds: 1,
      sagaDue: { peakPending: 1, peakDue: 0, drainSeconds: 0, dueAtEnd: 0, pendingAtEnd: 0 },
      mails,
      peakOutstanding: 1,
      p99Quiet: 10,
      p99Wave: 14,
      invariantOk: true,
    };
    const status = (input: typeof base) => checkWaveTargets(input).map((check) => check.status);
    assert.deepEqual(status(base), ['met', 'met', 'not exercised', 'met', 'met', 'met']);
    assert.deepEqual(status({ ...base, peakOutstanding: 5000, p99Wave: 16 }), [
      'met',
      'met',
      'missed',
      'missed',
      'met',
      'met',
    ]);
    const late = { ...base, sagaDue: { ...base.sagaDue, drainSeconds: 31 } };
    assert.equal(checkWaveTargets(late)[0]!.status, 'missed');
  });
});
