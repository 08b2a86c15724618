import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { AppError } from '../../../domain/shared';
import { describeInventoryActorContract } from '../../ports/inventory-actor/contract';
import { holdRequest, t0 } from '../../ports/inventory-actor/contract-support';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl } from '../../testing';
import { createInventoryRedis, toInventoryError } from './connection';
import { LuaScript } from './lua-script';
import { RedisInventoryActor } from './redis-inventory-actor';

const url = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('inv');

describeInventoryActorContract('Redis + Lua (ioredis)', {
  open: () => RedisInventoryActor.open({ url, keyPrefix }),
  close: (actor) => actor.close(),
});

describe('Redis inventory actor', () => {
  let redis: Redis;
  before(() => {
    redis = new Redis(url);
  });
  after(async () => {
    await deleteKeysUnder(keyPrefix);
    await redis.quit();
  });

  it('keeps every key of an event inside its hash tag', async () => {
    const actor = await RedisInventoryActor.open({ url, keyPrefix });
    await actor.provisionZone({ eventId: 'tagged', zoneId: 'z', capacity: 5 });
    await actor.hold(holdRequest('tagged', 'z'));
    const sold = await actor.hold(holdRequest('tagged', 'z', { bookingId: 'sold' }));
    assert.ok(sold.ok);
    assert.deepEqual(await actor.confirm({ eventId: 'tagged', bookingId: 'sold', now: t0 }), { ok: true });
    await actor.close();
    const keys = await redis.keys(`${keyPrefix}{evt:tagged}*`);
    assert.ok(keys.length >= 7, keys.join(', '));
    assert.ok(keys.includes(`${keyPrefix}{evt:tagged}:sold:sold`), keys.join(', '));
    for (const key of keys) assert.ok(key.startsWith(`${keyPrefix}{evt:tagged}:`), key);
  });

  it('clears the per-buyer counts of a counter confirmed before markers existed when it rebuilds', async () => {
    const actor = await RedisInventoryActor.open({ url, keyPrefix });
    const base = `${keyPrefix}{evt:legacy}:`;
    await actor.provisionZone({ eventId: 'legacy', zoneId: 'z', capacity: 5 });
    await redis.hset(`${base}zone:z`, 'available', 3, 'confirmed', 2);
    await redis.hset(`${base}buyers:z`, 'old', 2);
    await redis.hset(`${base}user:old`, 'confirmed', 2);
    const confirmedBookings = [{ bookingId: 'b', userId: 'old', quantity: 1 }];
    const rebuild = { eventId: 'legacy', zoneId: 'z', capacity: 5, liveHolds: [], confirmedBookings };
    assert.deepEqual(await actor.rebuildZone({ ...rebuild, replaceLiveCounter: true }), { ok: true });
    await actor.close();
    assert.equal(await redis.hget(`${base}user:old`, 'confirmed'), '1');
    assert.equal(await redis.exists(`${base}buyers:z`), 0);
  });

  it('falls back to EVAL when the server does not know the script (NOSCRIPT)', async () => {
    const script = new LuaScript(`return ARGV[1] -- ${randomBytes(8).toString('hex')}`);
    assert.deepEqual(await redis.script('EXISTS', script.sha), [0]);
    assert.equal(await script.run(redis, [`${keyPrefix}{x}`], ['answer']), 'answer');
    assert.deepEqual(await redis.script('EXISTS', script.sha), [1]);
  });

  it('passes a script error through instead of calling it an outage', async () => {
    const error = await redis.eval("return redis.error_reply('BOOM')", 0).catch(toInventoryError);
    assert.ok(error instanceof Error && !(error instanceof AppError), String(error));
    assert.match(error.message, /BOOM/);
  });

  it('rejects with SERVICE_UNAVAILABLE within 2 s when Redis cannot be reached', async () => {
    const started = Date.now();
    const isUnavailable = (error: unknown) =>
      error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE';
    await assert.rejects(RedisInventoryActor.open({ url: 'redis://127.0.0.1:1', keyPrefix }), isUnavailable);
    const actor = new RedisInventoryActor(createInventoryRedis('redis://127.0.0.1:1'), keyPrefix);
    await assert.rejects(actor.hold(holdRequest('down', 'z')), isUnavailable);
    await assert.rejects(actor.expireDue({ now: 0, limit: 10 }), isUnavailable);
    await actor.close();
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
