import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startOfLog } from '../../infra/ports/event-store';
import { databaseDrivers } from '../../infra/testing';
import {
  Barrier,
  Harness,
  eventually,
  interceptReads,
  readApplied,
  recordingProjection,
  withoutLocks,
} from '../testing';

for (const driver of databaseDrivers) {
  describe(`one active runner per projection on ${driver.name}`, () => {
    test('a second runner on the same database stands by, then takes over from the checkpoint', async () => {
      const h = await Harness.open(driver);
      try {
        const first = h.runner(recordingProjection());
        const second = h.runner(recordingProjection(), {}, await h.connect());
        await first.start();
        await second.start();
        const early = await h.appendMany('booking', 4, 5);
        await first.waitFor(early.checkpoint);
        assert.equal((await first.status()).status, 'live');
        const waiting = await second.status();
        assert.equal(waiting.status, 'standby');
        assert.ok(waiting.checkpoint >= early.checkpoint, 'a standby reports the stored checkpoint');
        await assert.rejects(second.waitFor(early.checkpoint, 20), /recorder is standby at the start/);

        await first.stop();
        const late = await h.appendMany('zone', 3, 5);
        await second.waitFor(late.checkpoint);
        const rows = await readApplied(h.sql);
        assert.equal(rows.length, 35);
        assert.equal(
          new Set(rows.map((row) => row.eventId)).size,
          35,
          'no event applied twice across the takeover',
        );
        assert.equal((await second.status()).status, 'live');
      } finally {
        await h.close();
      }
    });

    test('when the lock is bypassed, the guarded checkpoint lets only one of two runners commit a batch', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await h.appendMany('booking', 5, 4);
        // Both runners read the same first batch before either of them commits it.
        const barrier = new Barrier(2);
        const holdFirstRead = (store: typeof h.store) =>
          interceptReads(store, (options) => (options.after === startOfLog ? barrier.arrive() : undefined));
        const other = await h.connect();
        const a = h.runner(
          recordingProjection(),
          {},
          { sql: withoutLocks(h.sql), store: holdFirstRead(h.store) },
        );
        const b = h.runner(
          recordingProjection(),
          {},
          { sql: withoutLocks(other.sql), store: holdFirstRead(other.store) },
        );
        await Promise.all([a.start(), b.start()]);

        const winner = await Promise.any([
          a.waitFor(last.checkpoint).then(() => a),
          b.waitFor(last.checkpoint).then(() => b),
        ]);
        const loser = winner === a ? b : a;
        await eventually(async () => (await loser.status()).status === 'failed', 'loser failed');
        assert.match((await loser.status()).error ?? '', /another runner advanced it/);
        const rows = await readApplied(h.sql);
        assert.equal(rows.length, 20);
        assert.equal(new Set(rows.map((row) => row.eventId)).size, 20, 'the losing batch was rolled back');

        const more = await h.append('booking-late', 2);
        await winner.waitFor(more.checkpoint);
        assert.equal((await readApplied(h.sql)).length, 22);
        assert.equal((await loser.status()).status, 'failed', 'the loser does not resume');
      } finally {
        await h.close();
      }
    });
  });
}
