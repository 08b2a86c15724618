import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../shared/testing';
import { fold } from '../shared';
import { waitingRoomDecider } from './decider';
import type { WaitingRoomEvent } from './events';
import { seedCommitment, shuffledOrder } from './fair-order';

const given = deciderSpec(waitingRoomDecider);
const eventId = 'e1';
const now = '2030-03-01T10:00:00.000Z';
const seed = 'the-secret-seed';

const opened: WaitingRoomEvent = {
  type: 'PreQueueOpened',
  data: { eventId, seedCommitment: seedCommitment(seed), occurredAt: now },
};
const prequeueJoins: WaitingRoomEvent = {
  type: 'QueueJoinsRecorded',
  data: {
    eventId,
    joins: ['carol', 'alice', 'bob'].map((userId) => ({ userId, seq: null, joinedAt: now })),
    occurredAt: now,
  },
};
const shuffled: WaitingRoomEvent = {
  type: 'QueueShuffled',
  data: { eventId, seed, prequeueCount: 3, occurredAt: now },
};
const later = (userId: string, seq: number) => ({ userId, seq, joinedAt: now });
const laterJoins: WaitingRoomEvent = {
  type: 'QueueJoinsRecorded',
  data: { eventId, joins: [later('dave', 4), later('erin', 5)], occurredAt: now },
};

describe('the waiting room’s queue', () => {
  it('opens the pre-queue once, with the seed’s commitment', () => {
    const open = { type: 'OpenPreQueue' as const, eventId, now, seedCommitment: seedCommitment(seed) };
    given().when(open).then([opened]);
    given(opened).when(open).thenNothing();
  });

  it('records joins once per buyer, and none before the pre-queue opens', () => {
    const record = (joins: { userId: string; seq: number | null }[]) => ({
      type: 'RecordJoins' as const,
      eventId,
      now,
      joins: joins.map((join) => ({ ...join, joinedAt: now })),
    });
    given()
      .when(record([{ userId: 'x', seq: null }]))
      .thenFails('INVALID_STATE');
    given(opened, prequeueJoins)
      .when(
        record([
          { userId: 'alice', seq: null },
          { userId: 'zed', seq: null },
          { userId: 'zed', seq: null },
        ]),
      )
      .then([
        {
          type: 'QueueJoinsRecorded',
          data: { eventId, joins: [{ userId: 'zed', seq: null, joinedAt: now }], occurredAt: now },
        },
      ]);
    given(opened, prequeueJoins)
      .when(record([{ userId: 'bob', seq: null }]))
      .thenNothing();
    given(opened, prequeueJoins, shuffled)
      .when(record([{ userId: 'late', seq: null }]))
      .thenFails('INVALID_STATE');
    given(opened, prequeueJoins, shuffled, laterJoins)
      .when(record([{ userId: 'fred', seq: 5 }]))
      .thenFails('INVALID_STATE');
  });

  it('shuffles with the committed seed only, and numbers the pre-queue in the recomputable order', () => {
    given(opened, prequeueJoins).when({ type: 'ShuffleQueue', eventId, now, seed }).then([shuffled]);
    given(opened, prequeueJoins)
      .when({ type: 'ShuffleQueue', eventId, now, seed: 'another seed' })
      .thenFails('INVALID_STATE');
    given(opened, prequeueJoins, shuffled)
      .when({ type: 'ShuffleQueue', eventId, now, seed })
      .thenFails('INVALID_STATE');

    const state = fold(waitingRoomDecider, [opened, prequeueJoins, shuffled, laterJoins]);
    const order = shuffledOrder(['alice', 'bob', 'carol'], seed);
    assert.deepEqual(
      order.map((userId) => state.places.get(userId)),
      [1, 2, 3],
      'anyone can recompute the pre-queue order from the recorded joins and the revealed seed',
    );
    assert.equal(state.places.get('dave'), 4, 'then first come, first served');
    assert.equal(state.nextSeq, 6);
  });

  it('admits the next places in line, never past the last one, and only while open', () => {
    const admit = (count: number) => ({
      type: 'AdmitBuyers' as const,
      eventId,
      now,
      count,
      passExpiresAt: '2030-03-01T10:05:00.000Z',
    });
    const order = shuffledOrder(['alice', 'bob', 'carol'], seed);
    given(opened, prequeueJoins, shuffled, laterJoins)
      .when(admit(2))
      .then([
        {
          type: 'BuyersAdmitted',
          data: {
            eventId,
            fromSeq: 1,
            toSeq: 2,
            userIds: order.slice(0, 2),
            passExpiresAt: '2030-03-01T10:05:00.000Z',
            occurredAt: now,
          },
        },
      ]);
    const firstTwo: WaitingRoomEvent = {
      type: 'BuyersAdmitted',
      data: {
        eventId,
        fromSeq: 1,
        toSeq: 2,
        userIds: order.slice(0, 2),
        passExpiresAt: now,
        occurredAt: now,
      },
    };
    given(opened, prequeueJoins, shuffled, laterJoins, firstTwo)
      .when(admit(10))
      .then([
        {
          type: 'BuyersAdmitted',
          data: {
            eventId,
            fromSeq: 3,
            toSeq: 5,
            userIds: [order[2]!, 'dave', 'erin'],
            passExpiresAt: '2030-03-01T10:05:00.000Z',
            occurredAt: now,
          },
        },
      ]);
    given(opened, prequeueJoins).when(admit(5)).thenNothing();
    given(opened, prequeueJoins, shuffled, {
      type: 'QueueClosed',
      data: { eventId, reason: 'sold-out', occurredAt: now },
    })
      .when(admit(5))
      .thenNothing();
  });

  it('closes when sold out and reopens where it was', () => {
    const closed: WaitingRoomEvent = {
      type: 'QueueClosed',
      data: { eventId, reason: 'sold-out', occurredAt: now },
    };
    given(opened, prequeueJoins, shuffled)
      .when({ type: 'CloseQueue', eventId, now, reason: 'sold-out' })
      .then([closed]);
    given(opened, closed).when({ type: 'CloseQueue', eventId, now, reason: 'sold-out' }).thenNothing();
    given(opened, prequeueJoins, shuffled, closed)
      .when({ type: 'ReopenQueue', eventId, now })
      .then([{ type: 'QueueReopened', data: { eventId, occurredAt: now } }]);
    const reopened = fold(waitingRoomDecider, [
      opened,
      prequeueJoins,
      shuffled,
      closed,
      { type: 'QueueReopened', data: { eventId, occurredAt: now } },
    ]);
    assert.equal(reopened.phase, 'open');
    given(opened, shuffled).when({ type: 'ReopenQueue', eventId, now }).thenNothing();
  });
});
