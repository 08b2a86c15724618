import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WaitingRoomEvent } from './events';
import { QueueReportFold } from './report';

/** The fold over `events` at 60 admitted a minute, reported at `now`. */
function reportOf(events: readonly WaitingRoomEvent[], now: number) {
  const fold = new QueueReportFold();
  for (const event of events) fold.apply(event, 60);
  return fold.reportAt(now);
}

const t0 = Date.parse('2030-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

const events: WaitingRoomEvent[] = [
  { type: 'PreQueueOpened', data: { eventId: 'e', seedCommitment: 'c', occurredAt: at(-600) } },
  {
    type: 'QueueJoinsRecorded',
    data: {
      eventId: 'e',
      joins: [
        { userId: 'a', seq: null, joinedAt: at(-300) },
        { userId: 'b', seq: null, joinedAt: at(-200) },
      ],
      occurredAt: at(-199),
    },
  },
  { type: 'QueueShuffled', data: { eventId: 'e', seed: 's', prequeueCount: 2, occurredAt: at(0) } },
  {
    type: 'QueueJoinsRecorded',
    data: { eventId: 'e', joins: [{ userId: 'c', seq: 3, joinedAt: at(10) }], occurredAt: at(11) },
  },
  {
    type: 'BuyersAdmitted',
    data: {
      eventId: 'e',
      fromSeq: 1,
      toSeq: 2,
      userIds: ['b', 'a'],
      passExpiresAt: at(400),
      occurredAt: at(1),
    },
  },
  {
    type: 'BuyersAdmitted',
    data: { eventId: 'e', fromSeq: 3, toSeq: 3, userIds: ['c'], passExpiresAt: at(500), occurredAt: at(100) },
  },
];

describe('the queue report', () => {
  it('replays waits from taking a place (the shuffle, for the pre-queue) to admission, against the estimates then', () => {
    const report = reportOf(events, t0 + 130_000);
    assert.equal(report.admittedTotal, 3);
    assert.equal(report.admittedLastMinute, 1, 'only c was let in during the last minute');
    // Waits: places 1 and 2 waited 1 s from the shuffle; c waited 90 s from its join (at 10 s).
    assert.equal(report.medianWaitSeconds, 1);
    // Estimates at 60 a minute: place 1 → 1 s, place 2 → 2 s, c (3rd, nobody admitted yet) → 3 s.
    assert.deepEqual(report.estimates, { samples: 3, medianErrorSeconds: 1, withinTwentyPercent: 0.667 });
  });

  it('has nothing to say before anyone was let in', () => {
    const report = reportOf(events.slice(0, 3), t0);
    assert.deepEqual(report, {
      admittedLastMinute: 0,
      admittedTotal: 0,
      medianWaitSeconds: null,
      estimates: { samples: 0, medianErrorSeconds: null, withinTwentyPercent: null },
    });
  });

  it('reports the same when the events come in two looks, as the live view reads them', () => {
    const fold = new QueueReportFold();
    for (const event of events.slice(0, 4)) fold.apply(event, 60);
    fold.reportAt(t0);
    for (const event of events.slice(4)) fold.apply(event, 60);
    assert.deepEqual(fold.reportAt(t0 + 130_000), reportOf(events, t0 + 130_000));
  });
});
