import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeIntegrationBusContract } from '../../ports/integration-bus/contract';
import type { IntegrationBus } from '../../ports/integration-bus';
import type { SqlClient } from '../../ports/sql';
import { PGliteSqlClient } from '../../sql';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { partitionOfKey } from './partition-of-key';
import { SqlIntegrationBus } from './sql-integration-bus';
import { UnknownTopicError } from './sql-topics';

const pglites = new Map<IntegrationBus, SqlClient>();
describeIntegrationBusContract('in-process (PGlite)', {
  async open() {
    const sql = await PGliteSqlClient.open();
    const bus = await SqlIntegrationBus.open(sql);
    pglites.set(bus, sql);
    return bus;
  },
  async close(bus) {
    await bus.close();
    await pglites.get(bus)?.close();
  },
});

const databases = new Map<IntegrationBus, TestDatabase>();
describeIntegrationBusContract('in-process (PostgreSQL)', {
  async open() {
    const database = await createTestDatabase();
    const bus = await SqlIntegrationBus.open(database.sql);
    databases.set(bus, database);
    return bus;
  },
  async close(bus) {
    await bus.close();
    await databases.get(bus)?.drop();
  },
});

describe('SqlIntegrationBus', () => {
  it('refuses to publish to a topic that was never created', async () => {
    const sql = await PGliteSqlClient.open();
    try {
      const bus = await SqlIntegrationBus.open(sql);
      await assert.rejects(
        bus.publish([{ topic: 'nowhere', key: 'k', value: 1, headers: {} }]),
        UnknownTopicError,
      );
    } finally {
      await sql.close();
    }
  });

  it('keeps every message published before a crash for the group that resumes after it', async () => {
    const sql = await PGliteSqlClient.open();
    try {
      const before = await SqlIntegrationBus.open(sql);
      await before.ensureTopics([{ name: 'orders', partitions: 2 }]);
      await before.publish(
        [1, 2, 3].map((n) => ({ topic: 'orders', key: `k${n}`, value: { n }, headers: {} })),
      );
      // No close: the process is gone; a new one opens the same database.
      const after = await SqlIntegrationBus.open(sql);
      const seen: number[] = [];
      let all!: () => void;
      const done = new Promise<void>((resolve) => (all = resolve));
      const subscription = await after.subscribe({
        groupId: 'billing',
        topics: ['orders'],
        handler: async (message) => {
          seen.push((message.value as { n: number }).n);
          if (seen.length === 3) all();
        },
      });
      await done;
      await subscription.stop();
      assert.deepEqual(seen.sort(), [1, 2, 3]);
    } finally {
      await sql.close();
    }
  });

  it('places a key on the same partition every time, spreading keys over all partitions', () => {
    assert.equal(partitionOfKey('booking-42', 6), partitionOfKey('booking-42', 6));
    const used = new Set(Array.from({ length: 100 }, (_, i) => partitionOfKey(`booking-${i}`, 6)));
    assert.equal(used.size, 6);
  });
});
