// What one reservation costs: exactly one Redis command (the inventory actor's one script call, counted at
// the connection by a proxy) for a hold and for every rejection (sold out, over the limit, rate limited,
// a reused key, a replayed rejection), and no database query for any rejection: every call into the event
// store and the SQL client is counted while they happen.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import { TOKENS } from '../../infra/di';
import { startRedisCommandCounter, testRedisUrl, type RedisCommandCounter } from '../../infra/testing';
import { openBookingApp, type BookingApp, type Person } from './harness';

const counted = { calls: 0, names: [] as string[] };
const quietMethods = new Set(['watch', 'close']);
/**
 * Background readers poll the log on their own timers (the catalog view, the provisioner, projections,
 * the sweeper): their calls are told apart by where they come from, so a poll that happens to fall in
 * the window is not blamed on a request. Any call from a request's code path is counted.
 */
const background = /log-follower|projections\/runner|expiry-sweeper|ledger-reader|live-follower/;

function counting<T extends object>(target: T, label: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (quietMethods.has(String(property))) return (value as () => unknown).bind(object);
      return (...args: unknown[]) => {
        if (background.test(new Error().stack ?? '')) {
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        }
        counted.calls++;
        counted.names.push(`${label}.${String(property)}`);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const countQueries = new ContainerModule(({ onActivation }) => {
  onActivation(TOKENS.EventStore, (_context, store) => counting(store, 'eventStore'));
  onActivation(TOKENS.SqlClient, (_context, sql) => counting(sql, 'sql'));
});

type Cost = { queries: string[]; redis: string[] };

for (const inventory of ['in-process', 'redis'] as const) {
  describe(`what a reservation costs (${inventory} inventory)`, () => {
    let app: BookingApp;
    let proxy: RedisCommandCounter | undefined;
    before(async () => {
      proxy = inventory === 'redis' ? await startRedisCommandCounter(testRedisUrl()) : undefined;
      app = await openBookingApp({
        // The saga's scheduler polls its table on its own clock: not part of any request.
        saga: 'off',
        inventory,
        modules: [countQueries],
        env: {
          RATE_LIMITS: 'reserve=2/0.01',
          // The sweeper and the reader of other processes' token revocations send their own commands;
          // keep them out of the measured window (checking a token for revocation costs none).
          EXPIRY_SWEEP_INTERVAL_MS: '60000',
          ACCESS_TOKEN_REVOCATION_POLL_MS: '60000',
          ...(proxy ? { REDIS_URL: proxy.url } : {}),
        },
      });
    });
    after(async () => {
      await app.close();
      await proxy?.close();
    });

    /** Runs one request and returns the database calls and Redis commands sent while it ran. */
    async function costOf(work: () => Promise<void>): Promise<Cost> {
      const [queriesBefore, redisBefore] = [counted.names.length, proxy?.commands.length ?? 0];
      await work();
      const redis = (proxy?.commands ?? []).slice(redisBefore).map((command) => command.name);
      return { queries: counted.names.slice(queriesBefore), redis };
    }
    const oneScriptCall = inventory === 'redis' ? ['EVALSHA'] : [];

    async function refusal(buyer: Person, zoneId: string, quantity: number, code: string, key?: string) {
      let reply: Awaited<ReturnType<BookingApp['reserve']>> | undefined;
      const cost = await costOf(async () => {
        reply = await app.reserve(buyer, zoneId, quantity, key);
      });
      assert.equal(reply?.body.error?.code, code, JSON.stringify(reply?.body));
      assert.deepEqual(cost, { queries: [], redis: oneScriptCall }, code);
      return reply!;
    }

    it('holds with one Redis command and one append, and refuses with one Redis command and no query', async () => {
      const { zones } = await app.zoneOnSale({ capacity: 2, maxTicketsPerUser: 2, zones: 2 });
      const [zoneA, zoneB] = [zones[0]!.id, zones[1]!.id];
      // A first hold in each zone, so both counters are provisioned before anything is measured.
      assert.equal((await app.reserve(await app.person(), zoneB, 1)).status, 201);
      const holder = await app.person();
      const held = await costOf(async () => {
        const first = await app.reserve(holder, zoneA, 2);
        assert.equal(first.status, 201, JSON.stringify(first.body));
      });
      // The append, and the group commit's one statement that writes it.
      assert.deepEqual(held, { queries: ['eventStore.append', 'sql.query'], redis: oneScriptCall });

      const others = await Promise.all(Array.from({ length: 3 }, () => app.person()));
      const soldOutKey = randomUUID();
      await refusal(others[0]!, zoneA, 1, 'INSUFFICIENT_SEATS', soldOutKey);
      for (const buyer of others.slice(1)) await refusal(buyer, zoneA, 1, 'INSUFFICIENT_SEATS');
      const replayed = await refusal(others[0]!, zoneA, 1, 'INSUFFICIENT_SEATS', soldOutKey);
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');

      await refusal(holder, zoneB, 1, 'TICKET_LIMIT_EXCEEDED');
      // The holder's bucket of 2 is now empty: one hold, one refusal.
      const limited = await refusal(holder, zoneB, 1, 'RATE_LIMITED');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');

      const reuser = await app.person();
      const key = randomUUID();
      assert.equal((await app.reserve(reuser, zoneB, 1, key)).status, 201);
      const reused = await refusal(reuser, zoneB, 2, 'IDEMPOTENCY_KEY_REUSED', key);
      assert.equal(reused.status, 422);
      // The counter works: the holds above did append.
      assert.ok(counted.names.includes('eventStore.append'));
    });
  });
}
