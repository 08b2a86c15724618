import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { InventoryRecovery } from '../../../command-side/inventory-recovery';
import type { ZoneCreated } from '../../../domain/catalog';
import { TOKENS } from '../../di';
import { InProcessInventoryActor } from '../../inventory/in-process';
import { roleModules } from './role-modules';
import { startEmbedded, type RunningProcess } from '../index';
import { InventoryTokens } from './inventory-tokens';

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startEmbedded(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      API_RESPONSE_VALIDATION: 'on',
      ...env,
    },
    { modules: roleModules.start, logStream: new PassThrough().resume() },
  );
}

describe('inventory in the embedded process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-inventory-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('gives each of the demo events’ four zones a counter with every seat available', async () => {
    const running = await start(dataDir);
    try {
      const store = running.container.get(TOKENS.EventStore);
      const head = await store.head();
      await (await running.container.getAsync(InventoryTokens.Provisioner)).waitFor(head.checkpoint);
      const actor = await running.container.getAsync(InventoryTokens.Actor);
      assert.ok(actor instanceof InProcessInventoryActor, 'no REDIS_URL → the in-process actor');
      const page = await store.readAll({ categories: ['event'], types: ['ZoneCreated'] });
      const zones = page.events.map((event) => (event as unknown as ZoneCreated).data);
      assert.equal(zones.length, 4, 'three on the on-sale event, one behind the waiting room');
      for (const zone of zones) {
        const snapshot = await actor.snapshot(zone);
        assert.deepEqual(
          [zone.name, snapshot?.capacity, snapshot?.available],
          [zone.name, zone.capacity, zone.capacity],
        );
      }
    } finally {
      await running.stop();
    }
  });

  it('returns the seats of a lapsed hold on the sweeper’s timer and shows the zone to an admin', async () => {
    const running = await start(dataDir, { EXPIRY_SWEEP_INTERVAL_MS: '10' });
    try {
      const store = running.container.get(TOKENS.EventStore);
      await (
        await running.container.getAsync(InventoryTokens.Provisioner)
      ).waitFor((await store.head()).checkpoint);
      const actor = await running.container.getAsync(InventoryTokens.Actor);
      const sweeper = await running.container.getAsync(InventoryTokens.Sweeper);
      const page = await store.readAll({ categories: ['event'], types: ['ZoneCreated'] });
      const zone = (page.events[0] as unknown as ZoneCreated).data;
      // A hold whose BookingReserved never came (a crash in between): only the sweeper gives it back.
      const hold = await actor.hold({
        eventId: zone.eventId,
        zoneId: zone.zoneId,
        bookingId: randomUUID(),
        idempotencyKey: randomUUID(),
        userId: 'buyer',
        quantity: 2,
        unitPrice: zone.price,
        currency: zone.currency,
        maxPerUser: 10,
        ttlMs: 20,
        now: Date.now(),
      });
      assert.ok(hold.ok);
      for (let sweeps = 0; (await actor.snapshot(zone))?.held !== 0; sweeps++) {
        assert.ok(sweeps < 500, 'the hold was never swept');
        await sweeper.nextSweep();
      }
      assert.equal((await actor.snapshot(zone))?.available, zone.capacity);

      const recovery = await running.container.getAsync(InventoryTokens.Recovery);
      assert.ok(recovery instanceof InventoryRecovery);
      assert.equal(await recovery.recover(zone), 'live', 'a live counter is left alone');

      const { accessToken } = await running.container
        .get(TOKENS.AccessTokens)
        .issue({ userId: randomUUID(), email: 'admin@x.test', role: 'admin', tenantId: 'default' });
      const response = await fetch(`http://127.0.0.1:${running.port}/api/v1/admin/inventory/${zone.zoneId}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as { data: unknown }).data, {
        capacity: zone.capacity,
        available: zone.capacity,
        held: 0,
        confirmed: 0,
        fromEvents: { held: 0, confirmed: 0 },
        consistent: true,
      });
    } finally {
      await running.stop();
    }
  });

  it('names REDIS_URL when the Redis it points at cannot be reached', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'booking-rush-noredis-'));
    try {
      await assert.rejects(
        start(empty, { DEMO_SEED: 'off', REDIS_URL: 'redis://127.0.0.1:1' }),
        /REDIS_URL: cannot connect to 127\.0\.0\.1:1/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('names REDIS_CLUSTER_NODES when no node of the cluster it points at can be reached', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'booking-rush-nocluster-'));
    try {
      await assert.rejects(
        start(empty, { DEMO_SEED: 'off', REDIS_CLUSTER_NODES: '127.0.0.1:1,127.0.0.1:2' }),
        /REDIS_CLUSTER_NODES: cannot connect to the cluster at 127\.0\.0\.1:1,127\.0\.0\.1:2/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
