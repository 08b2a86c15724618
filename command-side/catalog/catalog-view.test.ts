import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventStreamId, type CatalogEvent } from '../../domain/catalog';
import {
  eventCreated,
  eventId,
  eventPublished,
  showAdded,
  showId,
  zoneCreated,
  zoneId,
} from '../../domain/catalog/testing';
import { databaseDrivers } from '../../infra/testing';
import { CatalogView } from './catalog-view';
import { CatalogViewFollower } from './catalog-view-follower';

/** Checks on every turn of the event loop, bounded: an awaiter, not a sleep. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const zoneUpdated: CatalogEvent = {
  type: 'ZoneUpdated',
  data: {
    eventId,
    showId,
    zoneId,
    price: 99,
    currency: 'THB',
    capacity: 80,
    previousCapacity: 100,
    occurredAt: '2030-01-02T00:00:00.000Z',
  },
};

const floor = {
  zoneId,
  showId,
  eventId,
  name: 'Floor',
  price: 150000,
  currency: 'THB',
  capacity: 100,
  showStartsAt: '2030-06-01T19:00:00.000Z',
  saleStartsAt: '2030-03-01T10:00:00.000Z',
  saleEndsAt: '2030-06-01T18:00:00.000Z',
  maxTicketsPerUser: 4,
  eventStatus: 'draft',
};

for (const driver of databaseDrivers) {
  describe(`the in-memory catalog view on ${driver.name}`, () => {
    test('reads the whole log at start and answers zone lookups', async () => {
      const db = await driver.open();
      const follower = new CatalogViewFollower(db.store, new CatalogView(), { batchSize: 2 });
      try {
        await db.store.append('user-1', [{ type: 'UserRegistered', data: {} }]);
        await db.store.append(eventStreamId(eventId), [eventCreated, showAdded, zoneCreated]);
        await follower.start();
        assert.deepEqual(follower.view.zone(zoneId), floor);
        assert.equal(follower.view.eventIdOfShow(showId), eventId);
        assert.equal(follower.view.eventIdOfZone(zoneId), eventId);
        assert.equal(follower.view.zone('no-such-zone'), undefined);
      } finally {
        await follower.stop();
        await db.close();
      }
    });

    test('follows appends after start: new zones, status and price changes', async () => {
      const db = await driver.open();
      const follower = new CatalogViewFollower(db.store, new CatalogView(), { pollIntervalMs: 20 });
      try {
        await follower.start();
        assert.equal(follower.view.zone(zoneId), undefined);
        const created = await db.store.append(eventStreamId(eventId), [eventCreated, showAdded, zoneCreated]);
        await follower.waitFor(created.checkpoint);
        assert.deepEqual(follower.view.zone(zoneId), floor);
        const changed = await db.store.append(eventStreamId(eventId), [eventPublished, zoneUpdated]);
        await follower.waitFor(changed.checkpoint);
        assert.deepEqual(follower.view.zone(zoneId), {
          ...floor,
          eventStatus: 'published',
          price: 99,
          capacity: 80,
        });
      } finally {
        await follower.stop();
        await db.close();
      }
    });

    test('gives a moved show its new start on every zone of the show', async () => {
      const db = await driver.open();
      const follower = new CatalogViewFollower(db.store, new CatalogView(), { pollIntervalMs: 20 });
      try {
        await follower.start();
        const created = await db.store.append(eventStreamId(eventId), [eventCreated, showAdded, zoneCreated]);
        await follower.waitFor(created.checkpoint);
        const moved: CatalogEvent = {
          type: 'ShowUpdated',
          data: {
            eventId,
            showId,
            changes: { startsAt: '2030-06-09T19:00:00.000Z' },
            occurredAt: '2030-01-02T00:00:00.000Z',
          },
        };
        const changed = await db.store.append(eventStreamId(eventId), [moved]);
        await follower.waitFor(changed.checkpoint);
        assert.deepEqual(follower.view.zone(zoneId), { ...floor, showStartsAt: '2030-06-09T19:00:00.000Z' });
        assert.equal(follower.view.event(eventId)?.shows[0]?.name, 'Night one', 'the name is kept');
      } finally {
        await follower.stop();
        await db.close();
      }
    });

    test("wakes on the store's signal, without polling", async () => {
      const db = await driver.open();
      const follower = new CatalogViewFollower(db.store, new CatalogView(), { pollIntervalMs: 3_600_000 });
      try {
        await follower.start();
        await db.store.append(eventStreamId(eventId), [eventCreated, showAdded, zoneCreated]);
        await eventually(() => follower.view.zone(zoneId) !== undefined, 'the zone reached the view');
      } finally {
        await follower.stop();
        await db.close();
      }
    });
  });
}
