import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import {
  Harness,
  countingStatements,
  eventually,
  failingUntilHealed,
  interceptReads,
  readApplied,
  recordingProjection,
} from '../testing';

type State = { status: string; error: string | null; checkpoint: string };

for (const driver of databaseDrivers) {
  describe(`retries and polling on ${driver.name}`, () => {
    test('a failing apply is retried with backoff, reported as failed, and live again once it passes', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await h.appendMany('booking', 3, 3);
        const flaky = failingUntilHealed(recordingProjection());
        const runner = h.runner(flaky);
        await runner.start();
        await eventually(
          async () => (await storedState(h.sql)).status === 'failed' && flaky.attempts() >= 3,
          'failed status stored',
        );
        assert.equal((await runner.status()).status, 'failed');
        assert.equal((await runner.status()).error, 'read model unavailable (simulated)');
        assert.equal((await storedState(h.sql)).error, 'read model unavailable (simulated)');
        assert.equal((await readApplied(h.sql)).length, 0, 'failed batches were rolled back');

        flaky.heal();
        await runner.waitFor(last.checkpoint);
        assert.equal((await readApplied(h.sql)).length, 9);
        const status = await runner.status();
        assert.equal(status.status, 'live');
        assert.equal(status.error, undefined);
        await eventually(async () => (await storedState(h.sql)).status === 'live', 'live status stored');
        assert.equal((await storedState(h.sql)).error, null);
      } finally {
        await h.close();
      }
    });

    test('an idle runner keeps polling without writing its checkpoint while the read horizon moves', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await h.appendMany('booking', 2, 2);
        const writes = countingStatements(h.sql, /UPDATE projection_state SET checkpoint/);
        let reads = 0;
        const store = interceptReads(h.store, () => void (reads += 1));
        const runner = h.runner(recordingProjection(), {}, { sql: writes.sql, store });
        await runner.start();
        await runner.waitFor(last.checkpoint);
        const writesWhenCaughtUp = writes.count();

        for (let round = 0; round < 5; round += 1) {
          // Unrelated transactions move the read horizon, and with it the checkpoint readAll returns.
          await h.sql.transaction((tx) => tx.query('SELECT pg_current_xact_id()'));
          const readsBefore = reads;
          await eventually(() => reads > readsBefore + 1, 'two more polls');
        }
        assert.equal(writes.count(), writesWhenCaughtUp);
        assert.ok(
          (await runner.status()).checkpoint > (await storedState(h.sql)).checkpoint,
          'the horizon moved',
        );
      } finally {
        await h.close();
      }
    });
  });
}

async function storedState(sql: Harness['sql']): Promise<State> {
  const [row] = await sql.query<State>(`SELECT status, error, checkpoint FROM projection_state`);
  if (!row) throw new Error('no projection state row');
  return row;
}
