import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import { Harness } from '../testing';
import { listStreams } from './stream-index-queries';
import { streamIndexProjection } from './stream-index-projection';

for (const driver of databaseDrivers) {
  describe(`stream-index projection on ${driver.name}`, () => {
    test('collapses several events of one stream in one batch into its latest revision and count', async () => {
      const h = await Harness.open(driver);
      try {
        await h.store.append('booking-a', [
          { type: 'BookingReserved', data: {} },
          { type: 'PaymentRequested', data: {} },
        ]);
        await h.store.append('zone-1', [{ type: 'ZoneCreated', data: {} }]);
        const last = await h.store.append('booking-a', [{ type: 'BookingConfirmed', data: {} }]);
        const runner = h.runner(streamIndexProjection, { batchSize: 100 });
        await runner.start();
        await runner.waitFor(last.checkpoint);

        const [lastEvent] = await h.store.readStream('booking-a', { direction: 'backwards', limit: 1 });
        assert.deepEqual(await listStreams(h.sql), [
          {
            streamId: 'booking-a',
            category: 'booking',
            revision: 2,
            lastType: 'BookingConfirmed',
            lastPosition: last.position,
            eventCount: 3,
            updatedAt: lastEvent?.createdAt,
          },
          {
            streamId: 'zone-1',
            category: 'zone',
            revision: 0,
            lastType: 'ZoneCreated',
            lastPosition: last.position - 1,
            eventCount: 1,
            updatedAt: (await h.store.readStream('zone-1'))[0]?.createdAt,
          },
        ]);
      } finally {
        await h.close();
      }
    });

    test('adds the events of later batches to the counts of earlier ones', async () => {
      const h = await Harness.open(driver);
      try {
        await h.append('booking-a', 4);
        const runner = h.runner(streamIndexProjection, { batchSize: 3 });
        await runner.start();
        const last = await h.append('booking-a', 3, 'BookingExpired');
        await h.append('booking-b', 1);
        await runner.waitFor(last.checkpoint);
        const [a] = await listStreams(h.sql, { category: 'booking', limit: 1 });
        assert.equal(a?.eventCount, 7);
        assert.equal(a?.revision, 6);
        assert.equal(a?.lastType, 'BookingExpired');
      } finally {
        await h.close();
      }
    });
  });
}
