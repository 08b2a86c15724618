import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queueStatus, type QueueStatusInputs } from './queue-status';

const now = Date.parse('2030-03-01T10:00:00.000Z');

function inputs(
  overrides: Partial<QueueStatusInputs> = {},
  position: Partial<QueueStatusInputs['position']> = {},
) {
  return {
    eventId: 'e1',
    room: {
      enabled: true,
      preQueueOpensAt: '2030-03-01T09:00:00.000Z',
      admissionPerMinute: 60,
      maxInside: 100,
      passLifetimeSeconds: 300,
      paused: false,
    },
    saleStartsAt: '2030-03-01T10:00:00.000Z',
    maxTicketsPerUser: 2,
    position: {
      phase: 'open',
      joined: true,
      place: 11,
      admittedUpTo: 5,
      lastPlace: 20,
      prequeued: 0,
      ...position,
    },
    pass: undefined,
    snapshot: { seatsLeft: 100, seatsTaken: 0, inside: 3, passesOut: 3 },
    now,
    signPass: (pass) => `signed:${pass.seq}`,
    ...overrides,
  } satisfies QueueStatusInputs;
}

describe('a buyer’s queue status', () => {
  it('waits with the people ahead, the wait at the admission rate, and the odds', () => {
    const status = queueStatus(inputs());
    assert.equal(status.state, 'waiting');
    assert.equal(status.ahead, 5);
    assert.equal(status.waitSeconds, 6, 'six places to go at one a second');
    assert.equal(status.odds, 'likely', '(5 ahead + 3 inside) × 2 < 100 seats');
    assert.equal(status.pass, null);
    assert.equal(status.pollAfterSeconds, 2);
  });

  it('has no wait estimate while admission is paused', () => {
    const status = queueStatus(inputs({ room: { ...inputs().room, paused: true } }));
    assert.deepEqual([status.state, status.waitSeconds], ['waiting', null]);
  });

  it('says unlikely when the buyers ahead would take every seat at the mean seen so far', () => {
    const status = queueStatus(
      inputs(
        { snapshot: { seatsLeft: 4, seatsTaken: 40, inside: 2, passesOut: 0 } },
        { admittedUpTo: 20, place: 30 },
      ),
    );
    assert.equal(status.odds, 'unlikely', '9 ahead + 2 inside take 2 seats each on average (40 / 20)');
  });

  it('is admitted with a signed pass once let in, used after the hold, expired when the pass ran out', () => {
    const pass = { userId: 'u', seq: 11, expiresAt: now + 60_000, used: false };
    const admitted = queueStatus(inputs({ pass }, { admittedUpTo: 12 }));
    assert.equal(admitted.state, 'admitted');
    assert.deepEqual(admitted.pass, { token: 'signed:11', expiresAt: new Date(now + 60_000).toISOString() });
    assert.equal(queueStatus(inputs({ pass: { ...pass, used: true } }, { admittedUpTo: 12 })).state, 'used');
    assert.equal(
      queueStatus(inputs({ pass: { ...pass, expiresAt: now } }, { admittedUpTo: 12 })).state,
      'expired',
    );
    assert.equal(
      queueStatus(inputs({ pass: { ...pass, seq: 3 } }, { admittedUpTo: 12 })).state,
      'waiting',
      'a pass of another place (not granted yet) is not this admission',
    );
  });

  it('tells everyone still waiting, pre-queue included, that the queue closed sold out', () => {
    const closed = { phase: 'closed' as const };
    assert.deepEqual(
      [queueStatus(inputs({}, closed)).state, queueStatus(inputs({}, closed)).odds],
      ['sold-out', 'sold-out'],
    );
    assert.equal(queueStatus(inputs({}, { ...closed, place: null })).state, 'sold-out');
  });

  it('shows the pre-queue without a place, with odds against everyone in it, asking again at the sale start', () => {
    const status = queueStatus(
      inputs(
        { now: now - 20_000, snapshot: { seatsLeft: 10, seatsTaken: 0, inside: 0, passesOut: 0 } },
        { phase: 'prequeue', place: null, admittedUpTo: 0, lastPlace: 0, prequeued: 30 },
      ),
    );
    assert.deepEqual(
      [status.state, status.place, status.ahead, status.odds, status.pollAfterSeconds],
      ['pre-queue', null, null, 'unlikely', 20],
      '15 ahead on average, 2 seats each, for 10 seats',
    );
  });

  it('is not joined before joining', () => {
    const status = queueStatus(inputs({}, { joined: false, place: null }));
    assert.deepEqual([status.state, status.place, status.odds], ['not-joined', null, null]);
  });
});
