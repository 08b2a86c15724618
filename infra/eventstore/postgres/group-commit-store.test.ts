import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { PostgresEventStore } from './postgres-event-store';

/** Counts append transactions and can make the next one fail as if the server went away. */
function instrumented(sql: SqlClient) {
  const stats = { appendCalls: 0, failNext: false };
  const client: SqlClient = Object.create(sql);
  client.query = async <Row>(text: string, params?: readonly unknown[]) => {
    if (text.includes('es_append_batch')) {
      stats.appendCalls += 1;
      if (stats.failNext) {
        stats.failNext = false;
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      }
    }
    return sql.query<Row>(text, params);
  };
  return { client, stats };
}

describe('PostgreSQL event store group commit (pg)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.drop();
  });

  it('writes 200 concurrent appends in a handful of transactions, each caller answered', async () => {
    const { client, stats } = instrumented(database.sql);
    const store = await PostgresEventStore.open(client);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.append(`grouped-${i}`, [{ type: 'Grouped', data: { i } }], 'no_stream'),
      ),
    );
    assert.equal(new Set(results.map((r) => r.position)).size, 200);
    assert.ok(
      stats.appendCalls <= 10,
      `expected batching, got ${stats.appendCalls} transactions for 200 appends`,
    );
  });

  it('reports a failed transaction to every caller of that batch as unavailable, and stores none of it', async () => {
    const { client, stats } = instrumented(database.sql);
    const store = await PostgresEventStore.open(client, { maxConcurrentFlushes: 1 });
    stats.failNext = true;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append(`doomed-${i}`, [{ type: 'Doomed', data: { i } }])),
    );
    assert.equal(stats.appendCalls, 1, 'the 20 appends should have shared one transaction');
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.ok((outcome as PromiseRejectedResult).reason instanceof EventStoreUnavailableError);
    }
    assert.equal(await store.streamExists('doomed-0'), false);
    const retried = await store.append('doomed-0', [{ type: 'Doomed', data: { i: 0 } }]);
    assert.equal(retried.nextExpectedRevision, 0);
  });
});

describe('PostgreSQL event store, one batch mixing every kind of append (pg)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.drop();
  });

  it('answers each append of a mixed batch on its own: new streams, one stream twice, a retry, a conflict', async () => {
    const store = await PostgresEventStore.open(database.sql, { maxConcurrentFlushes: 1 });
    const retried = { id: randomUUID(), type: 'Retried', data: {} };
    await store.append('mixed-retry', [retried], 'no_stream');
    await store.append('mixed-stale', [{ type: 'First', data: {} }], 'no_stream');
    const [fresh, twiceA, twiceB, retry, stale] = await Promise.allSettled([
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.append(`mixed-new${i}`, [{ type: 'New', data: { i } }], 'no_stream'),
        ),
      ),
      store.append('mixed-twice', [{ type: 'A', data: {} }]),
      store.append('mixed-twice', [{ type: 'B', data: {} }]),
      store.append('mixed-retry', [retried], 'no_stream'),
      store.append('mixed-stale', [{ type: 'Late', data: {} }], 'no_stream'),
    ]);
    assert.equal(fresh.status, 'fulfilled');
    assert.deepEqual(
      (fresh as PromiseFulfilledResult<{ nextExpectedRevision: number }[]>).value.map(
        (r) => r.nextExpectedRevision,
      ),
      Array(10).fill(0),
    );
    const twice = [twiceA, twiceB].map(
      (r) => (r as PromiseFulfilledResult<{ nextExpectedRevision: number }>).value,
    );
    assert.deepEqual(twice.map((r) => r.nextExpectedRevision).sort(), [0, 1]);
    assert.equal(retry.status, 'fulfilled');
    assert.equal((await store.readStream('mixed-retry')).length, 1);
    assert.equal(stale.status, 'rejected');
    assert.ok((stale as PromiseRejectedResult).reason instanceof WrongExpectedVersionError);
    assert.equal((stale as PromiseRejectedResult).reason.actual, 0);
  });
});
