import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import { createTestDatabase } from '../../infra/testing';
import { everyProjection } from '../../infra/testing/every-projection';
import { simulateSale } from '../../infra/testing/simulated-sale';
import { ProjectionSupervisor } from '../../projections';
import { DocumentProjectionSupervisor } from '../../projections/documents';
import { documentSnapshot, rowCounts, sqlSnapshot } from './read-model-snapshots';

const bookings = Number(process.env.REPLAY_TEST_BOOKINGS ?? 23_000);
const minimumEvents = Number(process.env.REPLAY_TEST_MIN_EVENTS ?? 100_000);

test(`rebuilding every projection from position 0 gives the read models the live ones built (≥ ${minimumEvents} events of a simulated sale)`, async () => {
  const mongoUrl = process.env.TEST_MONGO_URL;
  if (!mongoUrl) throw new Error('TEST_MONGO_URL is not set: run `npm test` or source .services/env');
  const database = await createTestDatabase({ maxConnections: 10 });
  const store = await PostgresEventStore.open(database.sql);
  const documents = await MongoDocumentStore.connect({
    url: mongoUrl,
    dbName: `replay_${randomBytes(5).toString('hex')}`,
  });
  const { sql: sqlModels, documents: documentModels } = everyProjection;
  const options = { batchSize: 500, pollIntervalMs: 50 };
  const sqlSupervisor = ProjectionSupervisor.create(database.sql, store, sqlModels, options);
  const documentSupervisor = DocumentProjectionSupervisor.create(
    { store, documents, sql: database.sql },
    documentModels,
    { ...options, exclusive: true },
  );
  try {
    // Live: the projections follow the sale as it is appended, in whatever batches the timing gives.
    await sqlSupervisor.startAll();
    await documentSupervisor.startAll();
    const sale = await simulateSale(store, { bookings });
    assert.ok(sale.events >= minimumEvents, `the sale wrote ${sale.events} events`);
    await sqlSupervisor.waitForAll(sale.last.checkpoint, 600_000);
    await documentSupervisor.waitForAll(sale.last.checkpoint, 600_000);
    const liveSql = await sqlSnapshot(database.sql, sqlModels);
    const liveDocuments = await documentSnapshot(documents, documentModels);

    for (const name of sqlSupervisor.names) await sqlSupervisor.rebuild(name);
    for (const name of documentSupervisor.names) await documentSupervisor.rebuild(name);

    const statuses = [...(await sqlSupervisor.list()), ...(await documentSupervisor.list())];
    for (const status of statuses)
      assert.equal(status.generation, 2, `${status.name} swapped to generation 2`);
    const rebuiltSql = await sqlSnapshot(database.sql, sqlModels);
    const rebuiltDocuments = await documentSnapshot(documents, documentModels);
    assert.deepEqual(rowCounts(rebuiltSql), rowCounts(liveSql));
    assert.deepEqual(rowCounts(rebuiltDocuments), rowCounts(liveDocuments));
    assert.deepEqual(rebuiltSql, liveSql);
    assert.deepEqual(rebuiltDocuments, liveDocuments);
    // Not vacuous: every read model holds rows (the sale cancels no event, so the saga records none).
    for (const [name, count] of Object.entries({ ...rowCounts(liveSql), ...rowCounts(liveDocuments) })) {
      if (name !== 'saga_cancelled_events') assert.ok(count > 0, `${name} is empty`);
    }
  } finally {
    await documentSupervisor.stopAll();
    await sqlSupervisor.stopAll();
    await documents.dropDatabase();
    await documents.close();
    await store.close();
    await database.drop();
  }
});
