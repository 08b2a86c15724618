import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { held, holdRequest, provisionedEvent, snapshotOf, t0, uniqueId } from './contract-support';
import type { InventoryActor } from './inventory-actor';

/**
 * The waiting room's pass, checked and used up in the same atomic step as the hold: while the room is
 * on, a hold needs the buyer's own pass of that place in line, unexpired and unused; a refused pass
 * holds nothing and is not remembered under the key.
 */
export function describePassContract(actorOf: () => InventoryActor): void {
  let actor: InventoryActor;
  before(() => {
    actor = actorOf();
  });

  async function roomWithPass(seq = 7, expiresAt = t0 + 60_000) {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    await actor.setWaitingRoom({ eventId, enabled: true });
    const userId = uniqueId('buyer');
    await actor.grantPasses({ eventId, passes: [{ userId, seq, expiresAt }] });
    return { eventId, zoneId, userId };
  }

  it('holds with the buyer’s own pass once, and refuses the same pass a second time', async () => {
    const { eventId, zoneId, userId } = await roomWithPass();
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 } })));
    const again = await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 } }));
    assert.deepEqual(again, { ok: false, reason: 'QUEUE_PASS_USED', available: 0 });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 1);
  });

  it('refuses a hold without a pass, with another buyer’s pass, with a wrong number, or expired', async () => {
    const { eventId, zoneId, userId } = await roomWithPass(7, t0 + 1_000);
    const refused = (reason: string) => ({ ok: false, reason, available: 0 });
    assert.deepEqual(
      await actor.hold(holdRequest(eventId, zoneId, { userId })),
      refused('QUEUE_PASS_REQUIRED'),
    );
    assert.deepEqual(
      await actor.hold(holdRequest(eventId, zoneId, { pass: { seq: 7 } })),
      refused('QUEUE_PASS_INVALID'),
      'a pass is bound to its buyer',
    );
    assert.deepEqual(
      await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 8 } })),
      refused('QUEUE_PASS_INVALID'),
    );
    assert.deepEqual(
      await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 }, now: t0 + 1_000 })),
      refused('QUEUE_PASS_EXPIRED'),
    );
    const snapshot = await snapshotOf(actor, eventId, zoneId);
    assert.equal(snapshot.held, 0, 'nothing held by a refused pass');
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 }, now: t0 + 999 })));
  });

  it('does not use the pass up when the hold is refused for seats or the limit', async () => {
    const { eventId, zoneId, userId } = await roomWithPass();
    const over = await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 }, quantity: 11 }));
    assert.equal(over.ok ? 'held' : over.reason, 'INSUFFICIENT_SEATS');
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 }, quantity: 2 })));
  });

  it('answers a retry under the same key with its hold even though the pass is used', async () => {
    const { eventId, zoneId, userId } = await roomWithPass();
    const request = holdRequest(eventId, zoneId, { userId, pass: { seq: 7 }, fingerprint: 'f' });
    const hold = held(await actor.hold(request));
    const retry = await actor.hold({ ...request, bookingId: uniqueId('retry') });
    assert.deepEqual(retry, { ok: true, hold, replayed: true });
  });

  it('keeps a used pass used when the same admission is granted again, and takes a later one', async () => {
    const { eventId, zoneId, userId } = await roomWithPass();
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 } })));
    await actor.grantPasses({ eventId, passes: [{ userId, seq: 7, expiresAt: t0 + 120_000 }] });
    const replayed = await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 } }));
    assert.equal(replayed.ok ? 'held' : replayed.reason, 'QUEUE_PASS_USED');
    await actor.grantPasses({ eventId, passes: [{ userId, seq: 12, expiresAt: t0 + 120_000 }] });
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 12 } })));
  });

  it('tells a buyer’s latest pass: granted, then used by the hold; nothing for a buyer never admitted', async () => {
    const { eventId, zoneId, userId } = await roomWithPass(7, t0 + 60_000);
    assert.equal(await actor.passOf({ eventId, userId: uniqueId('stranger') }), undefined);
    assert.deepEqual(await actor.passOf({ eventId, userId }), {
      userId,
      seq: 7,
      expiresAt: t0 + 60_000,
      used: false,
    });
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, pass: { seq: 7 } })));
    assert.deepEqual(await actor.passOf({ eventId, userId }), {
      userId,
      seq: 7,
      expiresAt: t0 + 60_000,
      used: true,
    });
  });

  it('counts buyers inside: a pass until it expires, a hold made with it until it ends', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    await actor.setWaitingRoom({ eventId, enabled: true });
    const passes = ['p1', 'p2', 'p3'].map((label, index) => ({
      userId: uniqueId(label),
      seq: index + 1,
      expiresAt: t0 + 30_000,
    }));
    await actor.grantPasses({ eventId, passes });
    assert.deepEqual(await actor.roomOccupancy({ eventId, now: t0 }), { inside: 3, passesOut: 3 });
    const paid = held(
      await actor.hold(holdRequest(eventId, zoneId, { userId: passes[0]!.userId, pass: { seq: 1 } })),
    );
    const lapsing = held(
      await actor.hold(holdRequest(eventId, zoneId, { userId: passes[1]!.userId, pass: { seq: 2 } })),
    );
    assert.deepEqual(await actor.confirm({ eventId, bookingId: paid.bookingId, now: t0 + 1 }), { ok: true });
    assert.deepEqual(
      await actor.roomOccupancy({ eventId, now: t0 + 2 }),
      { inside: 2, passesOut: 1 },
      'the paid buyer left; one pass is still unused',
    );
    assert.deepEqual(
      await actor.roomOccupancy({ eventId, now: t0 + 30_000 }),
      { inside: 1, passesOut: 0 },
      'the unused pass expired; the hold goes on',
    );
    assert.equal((await actor.expireDue({ eventId, now: lapsing.expiresAt, limit: 10 })).length, 1);
    assert.deepEqual(
      await actor.roomOccupancy({ eventId, now: t0 + 30_001 }),
      { inside: 0, passesOut: 0 },
      'the expired hold left',
    );
  });

  it('lets holds through without a pass once the room is off, and never asks when it was never on', async () => {
    const { eventId, zoneId } = await roomWithPass();
    await actor.setWaitingRoom({ eventId, enabled: false });
    held(await actor.hold(holdRequest(eventId, zoneId)));
    const open = await provisionedEvent(actor, 5);
    held(await actor.hold(holdRequest(open.eventId, open.zoneId, { pass: { seq: 1 } })));
  });
}
