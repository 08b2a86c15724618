import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fold } from '../../../domain/shared';
import {
  seedCommitment,
  shuffledOrder,
  waitingRoomDecider,
  type WaitingRoomEvent,
} from '../../../domain/waiting-room';
import type { WaitingLine } from './waiting-line';

export type WaitingLineFixture = {
  open(): Promise<WaitingLine>;
  close(line: WaitingLine): Promise<void>;
  /** Forgets everything (Redis losing its data), when the adapter can. */
  wipe?(line: WaitingLine): Promise<void>;
};

const t0 = 1_800_000_000_000;
const uniqueEvent = () => `event-${randomBytes(6).toString('hex')}`;

/** The WaitingLine port's contract: every adapter runs this same suite. */
export function describeWaitingLineContract(adapterName: string, fixture: WaitingLineFixture): void {
  describe(`WaitingLine contract: ${adapterName}`, () => {
    let line: WaitingLine;
    before(async () => {
      line = await fixture.open();
    });
    after(async () => {
      await fixture.close(line);
    });

    it('takes no join before the pre-queue opens, then one place per buyer', async () => {
      const eventId = uniqueEvent();
      assert.deepEqual(await line.join(eventId, 'ann', t0), { ok: false, reason: 'QUEUE_NOT_OPEN' });
      await line.openPreQueue(eventId);
      assert.deepEqual(await line.join(eventId, 'ann', t0 + 1), {
        ok: true,
        place: null,
        joinedAt: t0 + 1,
        again: false,
      });
      assert.deepEqual(await line.join(eventId, 'ann', t0 + 2), {
        ok: true,
        place: null,
        joinedAt: t0 + 1,
        again: true,
      });
      const position = await line.position(eventId, 'ann');
      assert.deepEqual(position, {
        phase: 'prequeue',
        joined: true,
        place: null,
        admittedUpTo: 0,
        lastPlace: 0,
        prequeued: 1,
      });
      assert.equal((await line.position(eventId, 'nobody')).joined, false);
    });

    it('ends the pre-queue once: its buyers are numbered by the shuffle, later joins come after them', async () => {
      const eventId = uniqueEvent();
      await line.openPreQueue(eventId);
      for (const userId of ['cat', 'ann', 'bob']) await line.join(eventId, userId, t0);
      const prequeue = await line.endPreQueue(eventId);
      assert.deepEqual([...prequeue].sort(), ['ann', 'bob', 'cat']);
      assert.deepEqual(await line.endPreQueue(eventId), prequeue, 'the same answer again');
      const late = await line.join(eventId, 'dan', t0 + 5);
      assert.deepEqual(late, { ok: true, place: 4, joinedAt: t0 + 5, again: false }, 'after the pre-queue');
      const order = shuffledOrder(prequeue, 'seed');
      await line.numberPreQueue(eventId, order);
      for (const [index, userId] of order.entries()) {
        assert.equal((await line.position(eventId, userId)).place, index + 1);
      }
      const again = await line.join(eventId, order[0]!, t0 + 9);
      assert.deepEqual(again, { ok: true, place: 1, joinedAt: t0, again: true });
    });

    it('hands out joins to record, oldest first, until they are marked recorded', async () => {
      const eventId = uniqueEvent();
      await line.openPreQueue(eventId);
      await line.join(eventId, 'ann', t0);
      await line.endPreQueue(eventId);
      await line.join(eventId, 'bob', t0 + 1000);
      const pending = await line.unrecorded(eventId, 10);
      assert.deepEqual(pending, [
        { userId: 'ann', seq: null, joinedAt: new Date(t0).toISOString() },
        { userId: 'bob', seq: 2, joinedAt: new Date(t0 + 1000).toISOString() },
      ]);
      assert.deepEqual(await line.unrecorded(eventId, 1), pending.slice(0, 1));
      await line.markRecorded(eventId, 1);
      assert.deepEqual(await line.unrecorded(eventId, 10), pending.slice(1));
    });

    it('moves admission forward only, and refuses joins while closed, keeping every place', async () => {
      const eventId = uniqueEvent();
      await line.openPreQueue(eventId);
      await line.endPreQueue(eventId);
      for (const userId of ['a', 'b', 'c']) await line.join(eventId, userId, t0);
      await line.markAdmitted(eventId, 2);
      await line.markAdmitted(eventId, 1);
      assert.equal((await line.position(eventId, 'c')).admittedUpTo, 2);
      await line.closeLine(eventId);
      assert.deepEqual(await line.join(eventId, 'd', t0), { ok: false, reason: 'QUEUE_CLOSED' });
      assert.equal((await line.join(eventId, 'c', t0)).ok, true, 'a buyer in line still finds their place');
      assert.equal((await line.position(eventId, 'c')).phase, 'closed');
      await line.reopenLine(eventId);
      assert.deepEqual(await line.join(eventId, 'd', t0), { ok: true, place: 4, joinedAt: t0, again: false });
    });

    it('is rebuilt from the recorded events in the same order', async () => {
      const eventId = uniqueEvent();
      const seed = 'restore-seed';
      const at = new Date(t0).toISOString();
      const events: WaitingRoomEvent[] = [
        { type: 'PreQueueOpened', data: { eventId, seedCommitment: seedCommitment(seed), occurredAt: at } },
        {
          type: 'QueueJoinsRecorded',
          data: {
            eventId,
            joins: ['x', 'y', 'z'].map((userId) => ({ userId, seq: null, joinedAt: at })),
            occurredAt: at,
          },
        },
        { type: 'QueueShuffled', data: { eventId, seed, prequeueCount: 3, occurredAt: at } },
        {
          type: 'QueueJoinsRecorded',
          data: { eventId, joins: [{ userId: 'w', seq: 4, joinedAt: at }], occurredAt: at },
        },
        {
          type: 'BuyersAdmitted',
          data: { eventId, fromSeq: 1, toSeq: 2, userIds: [], passExpiresAt: at, occurredAt: at },
        },
      ];
      await fixture.wipe?.(line);
      await line.restore(eventId, fold(waitingRoomDecider, events));
      const order = shuffledOrder(['x', 'y', 'z'], seed);
      for (const [index, userId] of [...order, 'w'].entries()) {
        const position = await line.position(eventId, userId);
        assert.equal(position.place, index + 1, userId);
        assert.equal(position.admittedUpTo, 2);
      }
      assert.equal((await line.join(eventId, 'v', t0)).ok && (await line.position(eventId, 'v')).place, 5);
    });
  });
}
