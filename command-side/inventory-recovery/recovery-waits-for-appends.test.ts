// A rebuild must count a hold whose BookingReserved was still being committed when the counter was lost:
// on PostgreSQL a reader sees a transaction only once the cluster-wide horizon passed it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { encodeAppend } from '../../infra/eventstore/postgres/encode-append';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import { createTestDatabase, type TestDatabase } from '../../infra/testing';
import { InventoryRecovery, LedgerReader } from './index';
import { reservedEvent, zoneInLog } from './testing';

describe('inventory recovery on PostgreSQL with an append still in flight', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  before(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.open(database.sql);
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  it('waits for the open append and counts its seats as held', async () => {
    const zone = await zoneInLog(store, 2);
    const now = Date.now();
    const hold = {
      ...zone,
      bookingId: randomUUID(),
      userId: randomUUID(),
      quantity: 2,
      unitPrice: 2500,
      currency: 'EUR',
      expiresAt: now + 600_000,
    };
    // The BookingReserved of a hold granted before the wipe, written but not yet committed.
    const stream = bookingStreamId(hold.bookingId);
    const payload = `[${encodeAppend(stream, 'booking', [reservedEvent(hold, now)], 'no_stream', randomUUID).json}]`;
    let commit!: () => void;
    let written!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const transaction = database.sql.transaction(async (tx) => {
      await tx.query('SELECT * FROM es_append_batch($1::jsonb)', [payload]);
      written();
      await committed;
    });
    await isWritten;

    const actor = new InProcessInventoryActor();
    const recovery = new InventoryRecovery(actor, new LedgerReader(store), { settleMs: 0 });
    let done = false;
    const recovered = recovery.recover(zone).then((outcome) => ((done = true), outcome));
    try {
      // A window in which the rebuild must not finish: the hold's event is not readable yet.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(
        done,
        false,
        `recovery ended early: ${String(await Promise.race([recovered, 'pending']))}`,
      );
    } finally {
      commit();
      await transaction;
    }
    assert.equal(await recovered, 'rebuilt');
    const counter = await actor.snapshot(zone);
    assert.deepEqual([counter?.available, counter?.held], [0, 2]);
  });
});
