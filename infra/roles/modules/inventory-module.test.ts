import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { ZoneCreated } from '../../../domain/catalog';
import { TOKENS } from '../../di';
import { InProcessInventoryActor } from '../../inventory/in-process';
import { embeddedModules } from '../embedded-modules';
import { startEmbedded, type RunningProcess } from '../index';
import { InventoryTokens } from './inventory-module';

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startEmbedded(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
    { modules: embeddedModules, logStream: new PassThrough().resume() },
  );
}

describe('inventory in the embedded process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-inventory-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('gives each of the demo event’s three zones a counter with every seat available', async () => {
    const running = await start(dataDir);
    try {
      const store = running.container.get(TOKENS.EventStore);
      const head = await store.head();
      await (await running.container.getAsync(InventoryTokens.Provisioner)).waitFor(head.checkpoint);
      const actor = await running.container.getAsync(InventoryTokens.Actor);
      assert.ok(actor instanceof InProcessInventoryActor, 'no REDIS_URL → the in-process actor');
      const page = await store.readAll({ categories: ['event'], types: ['ZoneCreated'] });
      const zones = page.events.map((event) => (event as unknown as ZoneCreated).data);
      assert.equal(zones.length, 3);
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
});
