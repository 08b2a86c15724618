import { randomUUID } from 'node:crypto';
import { describeEventStoreContract, type HeldAppend } from '../../ports/event-store/contract';
import type { EventStore } from '../../ports/event-store';
import { PGliteSqlClient } from '../../sql';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { encodeAppend } from './encode-append';
import { PostgresEventStore } from './postgres-event-store';

const databases = new Map<EventStore, TestDatabase>();

describeEventStoreContract('PostgreSQL (pg)', {
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
