// The inventory actor on a Redis Cluster of three masters: the same contract as on one server, plus what
// only a cluster can break (an event's keys split over nodes, a script cached on one node only).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Cluster } from 'ioredis';
import { AppError } from '../../../domain/shared';
import { describeInventoryActorContract } from '../../ports/inventory-actor/contract';
import { holdRequest, t0 } from '../../ports/inventory-actor/contract-support';
import { clusterNode } from '../../redis';
import { clusterSkipReason, deleteKeysUnder, testKeyPrefix, testRedisClusterNodes } from '../../testing';
import { createInventoryRedis } from './connection';
import { LuaScript } from './lua-script';
import { RedisInventoryActor } from './redis-inventory-actor';

const clusterNodes = testRedisClusterNodes() ?? [];
/** A key prefix of our own: other suites share this cluster, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('inv-cluster');

describe('Redis inventory actor on a Redis Cluster', { skip: clusterSkipReason() }, () => {
  let cluster: Cluster;
  before(async () => {
    cluster = new Cluster(clusterNodes.map(clusterNode), { lazyConnect: true });
    await cluster.connect();
  });
  after(async () => {
    await cluster.quit();
    await deleteKeysUnder(keyPrefix, { clusterNodes });
  });

  describeInventoryActorContract('Redis Cluster + Lua (ioredis Cluster)', {
    open: () => RedisInventoryActor.open({ clusterNodes, keyPrefix }),
    close: (actor) => actor.close(),
  });

  /** The masters holding at least one key under `pattern`, by `host:port`. */
  async function mastersHolding(pattern: string): Promise<string[]> {
    const holding: string[] = [];
    for (const node of cluster.nodes('master')) {
      for await (const keys of node.scanStream({ match: pattern, count: 1000 })) {
        if ((keys as string[]).length === 0) continue;
        holding.push(`${node.options.host}:${node.options.port}`);
        break;
      }
    }
    return holding;
  }

  it('keeps every key of an event on one master, and spreads events over the masters', async () => {
    const actor = await RedisInventoryActor.open({ clusterNodes, keyPrefix });
    const eventIds = Array.from({ length: 12 }, (_, index) => `spread${index}`);
    for (const eventId of eventIds) {
      await actor.provisionZone({ eventId, zoneId: 'z', capacity: 5 });
      const sold = await actor.hold(holdRequest(eventId, 'z', { bookingId: 'sold' }));
      assert.ok(sold.ok, JSON.stringify(sold));
      assert.deepEqual(await actor.confirm({ eventId, bookingId: 'sold', now: t0 }), { ok: true });
      assert.ok((await actor.hold(holdRequest(eventId, 'z'))).ok);
    }
    await actor.close();
    const owners = new Set<string>();
    for (const eventId of eventIds) {
      const holding = await mastersHolding(`${keyPrefix}{evt:${eventId}}*`);
      assert.equal(holding.length, 1, `${eventId}'s keys sit on ${holding.join(', ')}`);
      owners.add(holding[0]!);
    }
    assert.ok(owners.size >= 2, `twelve events all on ${[...owners].join(', ')}: not a cluster test`);
  });

  it('falls back to EVAL on the node that owns the key when that node does not know the script', async () => {
    const script = new LuaScript(`return ARGV[1] -- ${randomBytes(8).toString('hex')}`);
    const cachedOn = async () => {
      const masters = cluster.nodes('master');
      const exists = await Promise.all(masters.map((node) => node.script('EXISTS', script.sha)));
      return masters.filter((_, index) => (exists[index] as number[])[0] === 1).length;
    };
    assert.equal(await cachedOn(), 0);
    assert.equal(await script.run(cluster, [`${keyPrefix}{noscript}`], ['answer']), 'answer');
    assert.equal(await cachedOn(), 1, 'cached by EVAL on the one master that ran it');
    assert.equal(await script.run(cluster, [`${keyPrefix}{noscript}`], ['again']), 'again');
  });

  it('rejects with SERVICE_UNAVAILABLE within 2 s when no seed node can be reached', async () => {
    const started = Date.now();
    const isUnavailable = (error: unknown) =>
      error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE';
    const down = { clusterNodes: ['127.0.0.1:1'] };
    await assert.rejects(RedisInventoryActor.open({ ...down, keyPrefix }), isUnavailable);
    const actor = new RedisInventoryActor(createInventoryRedis(down), keyPrefix);
    await assert.rejects(actor.hold(holdRequest('down', 'z')), isUnavailable);
    await assert.rejects(actor.expireDue({ now: 0, limit: 10 }), isUnavailable);
    await actor.close();
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
