import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { HoldRequest, HoldResult, InventoryActor, ZoneSnapshot } from './inventory-actor';

export type InventoryActorFixture = {
  /** A connected actor. Tests use unique event ids, so a shared server works. */
  open(): Promise<InventoryActor>;
  close(actor: InventoryActor): Promise<void>;
};

/** A fixed clock: the actor never reads time itself. */
export const t0 = 1_800_000_000_000;
export const ttlMs = 60_000;
export const uniqueId = (label: string) => `${label}-${randomBytes(6).toString('hex')}`;

export async function provisionedEvent(actor: InventoryActor, capacity: number, zoneCount = 1) {
  const eventId = uniqueId('event');
  const zoneIds = Array.from({ length: zoneCount }, (_, index) => `zone${index}`);
  for (const zoneId of zoneIds) await actor.provisionZone({ eventId, zoneId, capacity });
  return { eventId, zoneId: zoneIds[0]!, zoneIds };
}

export function holdRequest(
  eventId: string,
  zoneId: string,
  overrides: Partial<HoldRequest> = {},
): HoldRequest {
  return {
    idempotencyKey: uniqueId('key'),
    bookingId: uniqueId('booking'),
    eventId,
    zoneId,
    userId: uniqueId('user'),
    quantity: 1,
    unitPrice: 2500,
    currency: 'EUR',
    maxPerUser: 10,
    ttlMs,
    now: t0,
    ...overrides,
  };
}

export function held(result: HoldResult) {
  assert.ok(result.ok, `expected a hold, got ${JSON.stringify(result)}`);
  return result.hold;
}

/** Reads a zone and proves its numbers add up and never go below zero. */
export async function snapshotOf(
  actor: InventoryActor,
  eventId: string,
  zoneId: string,
): Promise<ZoneSnapshot> {
  const snapshot = await actor.snapshot({ eventId, zoneId });
  assert.ok(snapshot, `zone ${zoneId} is not provisioned`);
  assert.equal(
    snapshot.available + snapshot.held + snapshot.confirmed,
    snapshot.capacity,
    JSON.stringify(snapshot),
  );
  for (const count of [snapshot.available, snapshot.held, snapshot.confirmed]) assert.ok(count >= 0);
  return snapshot;
}

export const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});
