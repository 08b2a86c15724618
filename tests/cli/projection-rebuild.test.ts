// `projection rebuild` where no server runs the projection (it rebuilds here, with progress) and where a
// server-like runner holds its lock (it refuses at once), in process and as a real process.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ProjectionSupervisor } from '../../projections';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import type { EventStore } from '../../infra/ports/event-store';
import { sqlProjections } from '../../infra/roles/modules/projections-module';
import { spawnRole } from '../../infra/roles/test-support';
import { createTestDatabase, type TestDatabase } from '../../infra/testing';
import { cli } from './support';

type ProjectionJson = { name: string; generation: number; position: number; headPosition: number };

describe('projection rebuild', () => {
  let db: TestDatabase;
  let store: EventStore;
  let env: Record<string, string>;
  before(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.open(db.sql);
    for (let index = 0; index < 30; index++)
      await store.append(`note-${randomUUID()}`, [{ type: 'Noted', data: { index } }]);
    env = { EVENT_STORE: 'postgres', SQL_DRIVER: 'postgres', DATABASE_URL: db.url, PROJECTION_POLL_MS: '50' };
  });
  after(async () => {
    await store?.close();
    await db?.drop();
  });

  const bookingsView = async () => {
    const status = await cli(env, 'projection', 'status', '--json');
    assert.equal(status.code, 0, status.err);
    return (JSON.parse(status.out) as ProjectionJson[]).find((view) => view.name === 'bookings')!;
  };

  it('builds the next generation here, prints progress and exits 0 once it is live', async () => {
    const first = await cli(env, 'projection', 'rebuild', 'bookings');
    assert.equal(first.code, 0, first.err);
    const before = await bookingsView();
    const head = before.headPosition;
    assert.ok(head >= 30);

    const result = await cli(env, 'projection', 'rebuild', 'bookings');
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      new RegExp(`^rebuild bookings: ${head}/${head} events \\(100%\\), \\d+ events/s`, 'm'),
    );
    assert.match(
      result.out,
      new RegExp(
        `^bookings: rebuilt; generation ${before.generation} → ${before.generation + 1} is live$`,
        'm',
      ),
    );
    const afterwards = await bookingsView();
    assert.equal(afterwards.generation, before.generation + 1);
    assert.equal(afterwards.position, head);
  });

  it('refuses at once while a server-like runner holds the lock, in process and as a real process', async () => {
    const server = ProjectionSupervisor.create(db.sql, store, sqlProjections, { pollIntervalMs: 50 });
    await server.runner('bookings').start();
    try {
      assert.equal((await server.runner('bookings').status()).status !== 'standby', true);
      const before = await bookingsView();
      const refused = await cli(env, 'projection', 'rebuild', 'bookings');
      assert.equal(refused.code, 1);
      assert.match(refused.err, /bookings is active in another process \(a running server holds its lock\)/);
      assert.match(refused.err, /POST \/api\/v1\/admin\/projections\/bookings\/rebuild/);
      assert.equal((await bookingsView()).generation, before.generation);

      const spawned = spawnRole(['projection', 'rebuild', 'bookings'], { ...env, LOG_LEVEL: 'error' });
      assert.equal(await spawned.exitCode(30_000), 1);
      assert.match(spawned.stderr(), /bookings is active in another process/);
    } finally {
      await server.stopAll();
    }
  });

  it('exits 2 as a real process for an unknown projection, listing the names', async () => {
    const spawned = spawnRole(['projection', 'rebuild', 'nope'], { ...env, LOG_LEVEL: 'error' });
    assert.equal(await spawned.exitCode(30_000), 2);
    assert.match(
      spawned.stderr(),
      /Unknown projection "nope"\. Projections: stream-index, catalog, bookings/,
    );
  });

  it('--no-wait records the rebuild and leaves it to the next runner, which finishes it', async () => {
    const before = await bookingsView();
    const result = await cli(env, 'projection', 'rebuild', 'bookings', '--no-wait');
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /^bookings: (rebuild to generation \d+ recorded|rebuilt; generation \d+ is live)/m,
    );
    const server = ProjectionSupervisor.create(db.sql, store, sqlProjections, { pollIntervalMs: 50 });
    await server.runner('bookings').start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await server.runner('bookings').status()).generation !== before.generation + 1) {
        assert.ok(Date.now() < deadline, 'the next runner did not finish the rebuild');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await server.stopAll();
    }
  });
});
