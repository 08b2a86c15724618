import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import { Harness, eventually, failingAfter, readApplied, recordingProjection } from '../testing';

function assertEachOnce(rows: readonly { eventId: string }[], expected: number): void {
  assert.equal(new Set(rows.map((row) => row.eventId)).size, rows.length, 'an event was applied twice');
  assert.equal(rows.length, expected);
}

for (const driver of databaseDrivers) {
  describe(`ProjectionRunner on ${driver.name}`, () => {
    test('catches up from the start of the log, then follows live appends', async () => {
      const h = await Harness.open(driver);
      try {
        const backlog = await h.appendMany('booking', 12, 10);
        const runner = h.runner(recordingProjection(), { batchSize: 25 });
        await runner.start();
        await runner.waitFor(backlog.checkpoint);
        assertEachOnce(await readApplied(h.sql), 120);

        const appended = await h.append('booking-live', 3);
        await runner.waitFor(appended.checkpoint);
        assertEachOnce(await readApplied(h.sql), 123);
        const status = await runner.status();
        assert.equal(status.status, 'live');
        assert.equal(status.lag, 0);
        assert.equal(status.position, appended.position);
        assert.equal(status.generation, 1);
      } finally {
        await h.close();
      }
    });

    test('resumes from the stored checkpoint after a restart without applying any event twice', async () => {
      const h = await Harness.open(driver);
      try {
        const first = await h.appendMany('booking', 5, 4);
        const before = h.runner(recordingProjection());
        await before.start();
        await before.waitFor(first.checkpoint);
        await before.stop();

        const second = await h.appendMany('zone', 5, 4);
        const after = h.runner(recordingProjection());
        await after.start();
        await after.waitFor(second.checkpoint);
        assertEachOnce(await readApplied(h.sql), 40);
        const [state] = await h.sql.query<{ status: string; checkpoint: string }>(
          `SELECT status, checkpoint FROM projection_state WHERE name = 'recorder'`,
        );
        assert.ok(state && state.checkpoint >= second.checkpoint);
      } finally {
        await h.close();
      }
    });

    test('a batch that crashes midway leaves no trace, and a healthy restart equals a from-scratch replay', async () => {
      const h = await Harness.open(driver);
      const fresh = await driver.open();
      try {
        const last = await h.appendMany('booking', 10, 3);
        const crashing = failingAfter(recordingProjection(), 7);
        const broken = h.runner(crashing, { batchSize: 5 });
        await broken.start();
        await eventually(
          async () => (await broken.status()).status === 'failed' && crashing.failures() >= 2,
          'repeated crash',
        );
        const failed = await broken.status();
        assert.match(failed.error ?? '', /simulated crash after 7 events/);
        assert.equal(failed.position, (await readApplied(h.sql)).at(-1)?.position);
        assertEachOnce(await readApplied(h.sql), 5);
        await broken.stop();

        const healed = h.runner(recordingProjection(), { batchSize: 5 });
        await healed.start();
        await healed.waitFor(last.checkpoint);

        // The same log replayed into an empty read-model database.
        const replay = h.runner(recordingProjection(), {}, { sql: fresh.sql, store: h.store });
        await replay.start();
        await replay.waitFor(last.checkpoint);
        const expected = await readApplied(fresh.sql);
        assertEachOnce(expected, 30);
        assert.deepEqual(await readApplied(h.sql), expected);
        await replay.stop();
      } finally {
        await h.close();
        await fresh.close();
      }
    });

    test('a category filter skips other streams while its checkpoint and lag still reach the head', async () => {
      const h = await Harness.open(driver);
      try {
        await h.appendMany('booking', 3, 2);
        const runner = h.runner(recordingProjection({ filter: { categories: ['booking'] } }));
        await runner.start();
        const last = await h.appendMany('zone', 4, 3);
        await runner.waitFor(last.checkpoint);
        const rows = await readApplied(h.sql);
        assertEachOnce(rows, 6);
        assert.ok(rows.every((row) => row.streamId.startsWith('booking-')));
        const status = await runner.status();
        assert.equal(status.lag, 0);
        assert.equal(status.position, status.headPosition);
        await runner.stop();
        const [state] = await h.sql.query<{ checkpoint: string }>(`SELECT checkpoint FROM projection_state`);
        assert.ok(
          state && state.checkpoint >= last.checkpoint,
          'skipped events are not re-read after a restart',
        );
      } finally {
        await h.close();
      }
    });
  });
}
