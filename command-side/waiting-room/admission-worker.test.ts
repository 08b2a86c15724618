import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { fold } from '../../domain/shared';
import {
  seedCommitment,
  shuffledOrder,
  waitingRoomDecider,
  waitingRoomStreamId,
  type WaitingRoomEvent,
} from '../../domain/waiting-room';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { holdRequest } from '../../infra/ports/inventory-actor/contract-support';
import type { WaitingLine } from '../../infra/ports/waiting-line';
import { storeAndActorPerSuite, type StoreAndActor } from '../../infra/testing/store-and-actor';
import { InProcessWaitingLine, RedisWaitingLine } from '../../infra/waiting-room';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl } from '../../infra/testing';
import { loadStream } from '../shared';
import { AdmissionWorker, type RoomOfEvent } from './admission-worker';

const saleStartsAt = Date.parse('2030-03-01T10:00:00.000Z');
let eventCount = 0;

function roomOf(overrides: Partial<RoomOfEvent['room']> = {}, zoneIds = ['z1']): RoomOfEvent {
  eventCount += 1;
  return {
    eventId: `event-${eventCount}-${Date.now()}`,
    room: {
      enabled: true,
      preQueueOpensAt: new Date(saleStartsAt - 3_600_000).toISOString(),
      admissionPerMinute: 60,
      maxInside: 100,
      passLifetimeSeconds: 300,
      paused: false,
      ...overrides,
    },
    saleStartsAt: new Date(saleStartsAt).toISOString(),
    maxTicketsPerUser: 2,
    zoneIds,
    status: 'published',
  };
}

type LineFactory = {
  /** A line on the same storage every time (a restarted process finds what the last one left). */
  readonly open: () => WaitingLine;
  /** The storage loses everything (Redis wiped). */
  readonly wipe: () => Promise<void>;
};

function describeAdmissionWorker(
  name: string,
  openActor: () => Promise<InventoryActor>,
  lines: LineFactory,
): void {
  describe(`the admission worker (${name})`, () => {
    let opened: StoreAndActor;
    storeAndActorPerSuite(openActor, (use) => {
      opened = use;
    });
    const linesOpen: WaitingLine[] = [];
    const openLine = () => {
      const line = lines.open();
      linesOpen.push(line);
      return line;
    };
    after(() => Promise.all([...new Set(linesOpen)].map((line) => line.close())));

    function setUp(room: RoomOfEvent, capacity = 100) {
      let now = saleStartsAt - 3_600_000;
      const line = openLine();
      const worker = new AdmissionWorker({
        store: opened.store,
        line,
        actor: opened.actor,
        seedSecret: 'test-seed-secret',
        clock: () => now,
      });
      const at = (millis: number) => {
        now = millis;
      };
      const provision = () => opened.actor.provisionZone({ eventId: room.eventId, zoneId: 'z1', capacity });
      return {
        line,
        worker,
        at,
        provision,
        events: async () =>
          (await loadStream<WaitingRoomEvent>(opened.store, waitingRoomStreamId(room.eventId))).events,
      };
    }

    it('publishes the seed’s commitment, shuffles the pre-queue verifiably at the sale’s start, then first come first served', async () => {
      const room = roomOf();
      const { line, worker, at, provision, events } = setUp(room);
      await provision();
      await worker.stepEvent(room);
      for (const userId of ['u3', 'u1', 'u4', 'u2'])
        assert.equal((await line.join(room.eventId, userId, saleStartsAt - 1000)).ok, true);
      await worker.stepEvent(room);
      at(saleStartsAt);
      await worker.stepEvent(room);
      const late = await line.join(room.eventId, 'late', saleStartsAt + 1);
      assert.deepEqual(late.ok && late.place, 5);
      await worker.stepEvent(room);

      const recorded = await events();
      const opened = recorded.find((event) => event.type === 'PreQueueOpened')!;
      const shuffled = recorded.find((event) => event.type === 'QueueShuffled')!;
      assert.ok(opened.type === 'PreQueueOpened' && shuffled.type === 'QueueShuffled');
      assert.equal(
        seedCommitment(shuffled.data.seed),
        opened.data.seedCommitment,
        'the revealed seed matches',
      );
      // Anyone can recompute the order from the recorded joins and the seed.
      const prequeue = recorded.flatMap((event) =>
        event.type === 'QueueJoinsRecorded'
          ? event.data.joins.filter((join) => join.seq === null).map((join) => join.userId)
          : [],
      );
      const order = shuffledOrder(prequeue, shuffled.data.seed);
      for (const [index, userId] of order.entries()) {
        assert.equal((await line.position(room.eventId, userId)).place, index + 1);
      }
      const state = fold(waitingRoomDecider, recorded);
      assert.equal(state.places.get('late'), 5, 'the late join is recorded with its place');
    });

    it('admits at the configured rate, carrying fractions over, and grants each buyer a pass', async () => {
      const room = roomOf({ admissionPerMinute: 90, preQueueOpensAt: new Date(saleStartsAt).toISOString() });
      const { line, worker, at, provision } = setUp(room);
      await provision();
      at(saleStartsAt);
      await worker.stepEvent(room);
      for (let index = 0; index < 50; index += 1) await line.join(room.eventId, `b${index}`, saleStartsAt);
      for (let second = 1; second <= 20; second += 1) {
        at(saleStartsAt + second * 1000);
        await worker.stepEvent(room);
      }
      const { admittedUpTo } = await line.position(room.eventId, 'b0');
      assert.equal(admittedUpTo, 30, '90 a minute for 20 s');
      const first = await opened.actor.hold(
        holdRequest(room.eventId, 'z1', { userId: 'b0', now: saleStartsAt + 20_000, pass: { seq: 1 } }),
      );
      assert.equal(first.ok, true);
      const outsider = await opened.actor.hold(
        holdRequest(room.eventId, 'z1', { userId: 'b40', now: saleStartsAt + 20_000 }),
      );
      assert.equal(outsider.ok ? 'held' : outsider.reason, 'QUEUE_PASS_REQUIRED');
    });

    it('stops admitting while those inside could take every seat left, closes when sold out, reopens when seats return', async () => {
      const room = roomOf({
        admissionPerMinute: 6000,
        preQueueOpensAt: new Date(saleStartsAt).toISOString(),
      });
      const { line, worker, at, provision } = setUp(room, 4);
      await provision();
      at(saleStartsAt);
      await worker.stepEvent(room);
      for (let index = 0; index < 10; index += 1) await line.join(room.eventId, `s${index}`, saleStartsAt);
      at(saleStartsAt + 10_000);
      await worker.stepEvent(room);
      assert.equal(
        (await line.position(room.eventId, 's0')).admittedUpTo,
        2,
        '2 inside × 2 tickets = 4 seats',
      );
      const holds = [];
      for (const [index, userId] of ['s0', 's1'].entries()) {
        const result = await opened.actor.hold(
          holdRequest(room.eventId, 'z1', {
            userId,
            quantity: 2,
            maxPerUser: 2,
            now: saleStartsAt + 10_000,
            pass: { seq: index + 1 },
          }),
        );
        assert.ok(result.ok);
        holds.push(result.hold);
      }
      at(saleStartsAt + 20_000);
      await worker.stepEvent(room);
      assert.equal((await line.position(room.eventId, 's5')).phase, 'closed', 'sold out closes the queue');
      assert.deepEqual(await line.join(room.eventId, 'newcomer', saleStartsAt + 20_000), {
        ok: false,
        reason: 'QUEUE_CLOSED',
      });
      await opened.actor.release({ eventId: room.eventId, bookingId: holds[0]!.bookingId });
      at(saleStartsAt + 30_000);
      await worker.stepEvent(room);
      const after = await line.position(room.eventId, 's5');
      assert.equal(after.phase, 'open', 'seats came back');
      assert.equal(after.admittedUpTo, 3, 'one more let in for the two seats that returned');
    });

    it('restarts without losing or repeating anyone, and rebuilds a line that lost its data', async () => {
      const room = roomOf({ admissionPerMinute: 60, preQueueOpensAt: new Date(saleStartsAt).toISOString() });
      const { line, worker, at, provision } = setUp(room);
      await provision();
      at(saleStartsAt);
      await worker.stepEvent(room);
      for (let index = 0; index < 5; index += 1) await line.join(room.eventId, `r${index}`, saleStartsAt);
      at(saleStartsAt + 2_000);
      await worker.stepEvent(room);
      assert.equal((await line.position(room.eventId, 'r0')).admittedUpTo, 2);

      await lines.wipe();
      const emptyLine = openLine();
      const restarted = new AdmissionWorker({
        store: opened.store,
        line: emptyLine,
        actor: opened.actor,
        seedSecret: 'test-seed-secret',
        clock: () => saleStartsAt + 2_500,
      });
      await restarted.stepEvent(room);
      for (let index = 0; index < 5; index += 1) {
        assert.equal(
          (await emptyLine.position(room.eventId, `r${index}`)).place,
          index + 1,
          `r${index} keeps its place`,
        );
      }
      assert.equal((await emptyLine.position(room.eventId, 'r0')).admittedUpTo, 2, 'nobody admitted twice');
    });

    it('closes the queue for good when the event is cancelled, and stops asking for passes', async () => {
      const room = roomOf({ preQueueOpensAt: new Date(saleStartsAt).toISOString() });
      const { line, worker, at, provision, events } = setUp(room);
      await provision();
      at(saleStartsAt);
      await worker.stepEvent(room);
      await line.join(room.eventId, 'c1', saleStartsAt);
      await worker.stepEvent({ ...room, status: 'cancelled' });
      await worker.stepEvent({ ...room, status: 'cancelled' });
      assert.equal((await line.position(room.eventId, 'c1')).phase, 'closed');
      const closings = (await events()).filter((event) => event.type === 'QueueClosed');
      assert.deepEqual(
        closings.map((event) => event.type === 'QueueClosed' && event.data.reason),
        ['cancelled'],
      );
      const hold = await opened.actor.hold(
        holdRequest(room.eventId, 'z1', { userId: 'c1', now: saleStartsAt }),
      );
      assert.equal(hold.ok, true, 'the room is off in the actor');
    });

    it('leaves drafts alone until they are published', async () => {
      const room = roomOf();
      const { worker, events } = setUp(room);
      await worker.stepEvent({ ...room, status: 'draft' });
      assert.deepEqual(await events(), []);
    });
  });
}

describeAdmissionWorker(
  'in-process',
  async () => new InProcessInventoryActor(),
  (() => {
    let line = new InProcessWaitingLine();
    return {
      open: () => line,
      wipe: async () => {
        line = new InProcessWaitingLine();
      },
    };
  })(),
);

const redisUrl = testRedisUrl();
const actorPrefix = testKeyPrefix('admission-actor');
const linePrefix = testKeyPrefix('admission-line');
after(() => Promise.all([deleteKeysUnder(actorPrefix), deleteKeysUnder(linePrefix)]));

describeAdmissionWorker('Redis', () => RedisInventoryActor.open({ url: redisUrl, keyPrefix: actorPrefix }), {
  open: () => new RedisWaitingLine(new Redis(redisUrl), linePrefix),
  wipe: () => deleteKeysUnder(linePrefix),
});
