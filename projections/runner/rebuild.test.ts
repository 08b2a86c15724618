import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Checkpoint } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { databaseDrivers } from '../../infra/testing';
import { listStreams, streamIndexProjection } from '../stream-index';
import { Gate, Harness, eventually, interceptReads, readApplied, recordingProjection } from '../testing';
import { ProjectionStoppedError } from './errors';

async function tableExists(db: SqlExecutor, table: string): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [table]);
  return row?.found === true;
}

/** A store whose reads after `checkpoint` wait at a gate once armed (holds a rebuild between batches). */
function gatedAfter(h: Harness) {
  const gate = new Gate();
  let armedAt: Checkpoint | undefined;
  const store = interceptReads(h.store, (options) => (options.after === armedAt ? gate.pass() : undefined));
  return { gate, store, arm: (checkpoint: Checkpoint) => void (armedAt = checkpoint) };
}

for (const driver of databaseDrivers) {
  describe(`rebuilding a projection on ${driver.name}`, () => {
    test('builds the next generation beside the live one, keeps serving the live one, then swaps', async () => {
      const h = await Harness.open(driver);
      try {
        const loaded = await h.appendMany('booking', 4, 5);
        const { gate, store, arm } = gatedAfter(h);
        const runner = h.runner(streamIndexProjection, { batchSize: 5 }, { sql: h.sql, store });
        await runner.start();
        await runner.waitFor(loaded.checkpoint);
        const firstBatch = await h.store.readAll({ limit: 5 });
        arm(firstBatch.checkpoint);

        const rebuilt = runner.rebuild();
        await gate.reached;
        const during = await runner.status();
        assert.equal(during.status, 'rebuilding');
        assert.equal(during.generation, 1);
        assert.equal(during.rebuild?.processed, firstBatch.events.at(-1)?.position);
        assert.equal(during.rebuild?.total, loaded.position);
        assert.ok(await tableExists(h.sql, 'rm_stream_index_g2'));

        const live = await h.append('booking-late', 2);
        await runner.waitFor(live.checkpoint);
        const served = await listStreams(h.sql);
        assert.equal(served.length, 5, 'the logical view serves the live generation during the rebuild');
        assert.equal(served.find((row) => row.streamId === 'booking-late')?.eventCount, 2);

        gate.open();
        await rebuilt;
        const after = await runner.status();
        assert.equal(after.generation, 2);
        assert.equal(after.status, 'live');
        assert.equal(after.rebuild, undefined);
        assert.deepEqual(await listStreams(h.sql), served, 'the rebuilt generation equals the live one');
        assert.equal(await tableExists(h.sql, 'rm_stream_index_g1'), false, 'old generation dropped');

        const next = await h.append('booking-0', 1);
        await runner.waitFor(next.checkpoint);
        const [stream] = await listStreams(h.sql, { after: 'booking-', limit: 1 });
        assert.equal(stream?.eventCount, 6, 'the live loop continues on the new generation');
      } finally {
        await h.close();
      }
    });

    test('a version bump rebuilds at start and serves the new version once swapped', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await h.appendMany('booking', 5, 4);
        const v1 = h.runner(recordingProjection({ version: 1, tag: 'v1' }));
        await v1.start();
        await v1.waitFor(last.checkpoint);
        await v1.stop();

        const v2 = h.runner(recordingProjection({ version: 2, tag: 'v2' }), { batchSize: 7 });
        await v2.start();
        await v2.waitFor(last.checkpoint);
        const rows = await readApplied(h.sql);
        assert.equal(rows.length, 20);
        assert.equal(new Set(rows.map((row) => row.eventId)).size, 20);
        assert.ok(rows.every((row) => row.tag === 'v2'));
        const [state] = await h.sql.query<{ version: number; generation: number }>(
          `SELECT version, generation FROM projection_state`,
        );
        assert.deepEqual(state, { version: 2, generation: 2 });
        assert.equal(await tableExists(h.sql, 'rm_test_applied_g1'), false);
      } finally {
        await h.close();
      }
    });

    test('a rebuild interrupted by a stop resumes from its own checkpoint at the next start', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await h.appendMany('booking', 4, 5);
        const { gate, store, arm } = gatedAfter(h);
        const first = h.runner(recordingProjection(), { batchSize: 5 }, { sql: h.sql, store });
        await first.start();
        await first.waitFor(last.checkpoint);
        arm((await h.store.readAll({ limit: 5 })).checkpoint);
        const rebuilt = first.rebuild();
        await gate.reached;
        const stopping = first.stop();
        gate.open();
        await stopping;
        await assert.rejects(rebuilt, ProjectionStoppedError);
        assert.equal(
          (await readApplied(h.sql, 'rm_test_applied_g2')).length,
          10,
          'the batch in flight finished',
        );

        const recorder = recordingProjection();
        let rebuiltEvents = 0;
        const counting = {
          ...recorder,
          apply: async (...args: Parameters<typeof recorder.apply>) => {
            if (args[2].generation === 2) rebuiltEvents += args[1].length;
            await recorder.apply(...args);
          },
        };
        const second = h.runner(counting, { batchSize: 5 });
        await second.start();
        await eventually(async () => (await second.status()).generation === 2, 'generation 2 live');
        assert.equal(rebuiltEvents, 10, 'the rebuild continued where it stopped instead of starting over');
        const rows = await readApplied(h.sql);
        assert.equal(rows.length, 20);
        assert.equal(
          new Set(rows.map((row) => row.eventId)).size,
          20,
          'no event applied twice to the new generation',
        );
      } finally {
        await h.close();
      }
    });
  });
}
