// A short rush in CI: both variants (the `start` role, and every role its own process on PostgreSQL +
// Redis + Kafka + FerretDB) for a few seconds at a low rate, then a small saga/relay throughput run.
// Functional outcomes only, never a timing threshold.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { logFollowers } from './log-followers';
import { allCaughtUp } from './probe';
import { runRush } from './run-rush';
import { throughputFollowers } from './throughput';

const rate = 40;
const durationSeconds = 3;
const requests = rate * durationSeconds;
const throughputEvents = 1000;

describe('rush benchmark smoke (every role running: start and distributed)', () => {
  it(
    'answers every reservation, every follower catches up to the head, the invariant holds; the saga and the relay absorb a whole log',
    { timeout: 420_000 },
    async () => {
      const outDir = mkdtempSync(join(tmpdir(), 'bench-rush-smoke-'));
      try {
        const result = await runRush({
          variants: ['start', 'distributed'],
          rate,
          durationSeconds,
          maxDurationSeconds: 1,
          connections: 10,
          catchUpTimeoutSeconds: 90,
          sampleIntervalMs: 250,
          timeoutSeconds: 10,
          generator: 'autocannon',
          reservationTtlSeconds: 600,
          redisDb: 10,
          outDir,
          throughput: { events: throughputEvents, runs: 1, batchSize: 500 },
          log: () => undefined,
        });
        assert.deepEqual(
          result.variants.map((variant) => variant.variant),
          ['start', 'distributed'],
        );
        const expectedFollowers = [
          ...logFollowers.map((follower) => follower.name),
          'notifier',
          'payment service',
        ].sort();
        for (const variant of result.variants) {
          const label = variant.variant;
          const { load, followers } = variant.rush;
          assert.equal(load.requests, requests, `${label}: every request answered`);
          assert.deepEqual(load.statuses, { 201: requests }, `${label}: every reservation a 201`);
          assert.equal(load.errors + load.timeouts, 0, `${label}: no connection errors or timeouts`);
          const verdict = variant.verdicts.rush;
          assert.ok(verdict.withinCapacity, `${label}: confirmed + live holds ≤ capacity`);
          assert.ok(verdict.countersMatch, `${label}: Redis counters match the event store`);
          assert.equal(verdict.created, requests, `${label}: 201s`);
          assert.equal(verdict.reservedEvents, verdict.created, `${label}: 201s = BookingReserved`);
          assert.ok(verdict.ok, `${label}: verdict`);
          assert.deepEqual(
            followers.map((follower) => follower.name).sort(),
            expectedFollowers,
            `${label}: every follower observed`,
          );
          assert.ok(variant.allCaughtUp, `${label}: every follower caught up after the load`);
          for (const follower of followers)
            assert.notEqual(follower.catchUpSeconds, undefined, `${label}: ${follower.name} caught up`);
          const last = variant.samples.findLast((sample) => !sample.error);
          assert.ok(last && allCaughtUp(last), `${label}: the last sample finds nothing left to process`);
        }
        const throughput = result.throughput;
        assert.ok(throughput, 'the throughput phase ran');
        const [run] = throughput.runs;
        assert.equal(run?.logEvents, throughputEvents, 'one BookingReserved per reservation in the log');
        for (const name of throughputFollowers)
          assert.ok((run.followers[name]?.eventsPerSecond ?? 0) > 0, `${name} reached the head`);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
