// Rejections on the hot path (sold out, over the limit, rate limited) cost no database query at all:
// every call into the event store and the SQL client is counted while they happen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import { TOKENS } from '../../infra/di';
import { openBookingApp, type BookingApp } from './harness';

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

async function queriesDuring(work: () => Promise<void>): Promise<string[]> {
  const start = counted.names.length;
  await work();
  return counted.names.slice(start);
}

for (const inventory of ['in-process', 'redis'] as const) {
  describe(`rejections use no database query (${inventory} inventory)`, () => {
    let app: BookingApp;
    before(async () => {
      app = await openBookingApp({
        // The saga's scheduler polls its table on its own clock: not part of any request.
        saga: 'off',
        inventory,
        modules: [countQueries],
        env: { RATE_LIMITS: 'reserve=2/0.01' },
      });
    });
    after(() => app.close());

    it('refuses a sold-out zone, a buyer past the limit and a rate-limited buyer without touching the database', async () => {
      const { zone } = await app.zoneOnSale({ capacity: 2, maxTicketsPerUser: 2 });
      const holder = await app.person();
      const first = await app.reserve(holder, zone.id, 2);
      assert.equal(first.status, 201, JSON.stringify(first.body));

      const others = await Promise.all(Array.from({ length: 3 }, () => app.person()));
      const queries = await queriesDuring(async () => {
        for (const buyer of others) {
          const soldOut = await app.reserve(buyer, zone.id, 1);
          assert.equal(soldOut.body.error.code, 'INSUFFICIENT_SEATS');
        }
        const overLimit = await app.reserve(holder, zone.id, 3);
        assert.equal(overLimit.body.error.code, 'TICKET_LIMIT_EXCEEDED');
        // The holder's bucket of 2 is now empty: one reservation, one refusal.
        const limited = await app.reserve(holder, zone.id, 1);
        assert.equal(limited.status, 429);
        assert.equal(limited.body.error.code, 'RATE_LIMITED');
        assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      });
      assert.deepEqual(queries, []);
      // The counter works: the successful reservation above did query (append).
      assert.ok(counted.names.includes('eventStore.append'));
    });
  });
}
