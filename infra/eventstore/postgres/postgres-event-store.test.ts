import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { describeEventStoreContract, type HeldAppend } from '../../ports/event-store/contract';
import type { EventStore } from '../../ports/event-store';
import { PGliteSqlClient, PgSqlClient } from '../../sql';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { encodeAppend } from './encode-append';
import { PostgresEventStore } from './postgres-event-store';

const databases = new Map<EventStore, TestDatabase>();

describeEventStoreContract('PostgreSQL (pg)', {
  filtersWakeUps: true,
  async open() {
    const database = await createTestDatabase();
    const store = await PostgresEventStore.open(database.sql);
    databases.set(store, database);
    return store;
  },
  async close(store) {
    await store.close();
    await databases.get(store)?.drop();
  },
  async holdOpenAppend(store, streamId, events): Promise<HeldAppend> {
    const { sql } = databases.get(store)!;
    const payload = `[${encodeAppend(streamId, streamId.split('-')[0]!, events, 'any', randomUUID).json}]`;
    let commit!: () => void;
    let written!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const transaction = sql.transaction(async (tx) => {
      await tx.query('SELECT * FROM es_append_batch($1::jsonb)', [payload]);
      written();
      await committed;
    });
    await isWritten;
    return {
      async commit() {
        commit();
        await transaction;
      },
    };
  },
});

const pgliteClients = new Map<EventStore, PGliteSqlClient>();

describeEventStoreContract('PostgreSQL on PGlite (embedded)', {
  filtersWakeUps: true,
  async open() {
    const sql = await PGliteSqlClient.open();
    const store = await PostgresEventStore.open(sql);
    pgliteClients.set(store, sql);
    return store;
  },
  async close(store) {
    await store.close();
    await pgliteClients.get(store)?.close();
  },
});

describe('PostgreSQL wake-ups across processes', () => {
  it('wakes a watcher in another process only for the categories it follows', async () => {
    const database = await createTestDatabase();
    const writer = await PostgresEventStore.open(database.sql);
    const readerSql = new PgSqlClient({ connectionString: database.url, maxConnections: 2 });
    const reader = await PostgresEventStore.open(readerSql);
    const counts = { catalog: 0, all: 0 };
    const until = async (condition: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`not woken: ${JSON.stringify(counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const unwatch = reader.watch(() => counts.catalog++, { categories: ['catalog'] });
    const unwatchAll = reader.watch(() => counts.all++);
    try {
      // The first wake-up proves the LISTEN is in place (the writer is another store: NOTIFY only).
      await writer.append('catalog-1', [{ type: 'Created', data: {} }]);
      await until(() => counts.catalog === 1 && counts.all === 1);
      await writer.append('booking-1', [{ type: 'Reserved', data: {} }]);
      await until(() => counts.all === 2);
      assert.equal(counts.catalog, 1);
      await writer.append('catalog-2', [{ type: 'Created', data: {} }]);
      await until(() => counts.catalog === 2);
    } finally {
      unwatch();
      unwatchAll();
      await reader.close();
      await readerSql.close();
      await writer.close();
      await database.drop();
    }
  });
});
