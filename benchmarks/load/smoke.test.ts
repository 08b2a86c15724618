// A short run of the load harness in CI: the real server on PostgreSQL + Redis and the baseline, about
// 1 s of low-rate load per scenario and target. Functional outcomes only, never a timing threshold.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runHarness, type TargetResult } from './harness';

const amount = 300;

function assertFunctional(label: string, result: TargetResult, expectedCreated?: number) {
  const { load, verdict } = result;
  assert.equal(load.errors, 0, `${label}: connection errors`);
  assert.equal(load.timeouts, 0, `${label}: timeouts`);
  assert.equal(load.requests, amount, `${label}: every request answered`);
  const serverErrors = Object.keys(load.statuses).filter((status) => Number(status) >= 500);
  assert.deepEqual(serverErrors, [], `${label}: no 5xx (${JSON.stringify(load.statuses)})`);
  assert.equal(
    result.errorRate,
    0,
    `${label}: only the scenario's expected rejections (${JSON.stringify(load.codes)})`,
  );
  assert.ok(verdict.zones.length > 0, `${label}: the checker saw the zones`);
  assert.ok(verdict.withinCapacity, `${label}: confirmed + live holds ≤ capacity`);
  assert.ok(verdict.countersMatch, `${label}: Redis counters match the event store`);
  assert.equal(verdict.lost, 0, `${label}: every 201 has its BookingReserved`);
  assert.equal(verdict.reservedEvents, verdict.created, `${label}: 201s = BookingReserved events`);
  assert.ok(verdict.maxSeatsPerBuyer <= verdict.maxTicketsPerUser, `${label}: per-buyer limit held`);
  if (expectedCreated !== undefined) assert.equal(verdict.created, expectedCreated, `${label}: seats sold`);
  assert.ok(verdict.ok, `${label}: verdict`);
}

describe('load benchmark smoke (real server, PostgreSQL, Redis)', () => {
  it(
    'answers every request, no 5xx, the invariant holds and no write is lost',
    { timeout: 120_000 },
    async () => {
      const outDir = mkdtempSync(join(tmpdir(), 'bench-load-smoke-'));
      try {
        const runs = await runHarness({
          scenarios: ['max', 'sold-out', 'buyer-limit'],
          runs: 1,
          role: 'start',
          baseline: true,
          warmupSeconds: 0,
          redisDb: 13,
          outDir,
          timeoutSeconds: 10,
          overrides: { overallRate: amount, amount, connections: 10 },
          log: () => undefined,
        });
        assert.equal(runs.length, 3);
        for (const run of runs) {
          // Sold out: only the 10 seats sold before the load; buyer limit: 20 buyers × 4.
          const created = run.scenario === 'sold-out' ? 10 : run.scenario === 'buyer-limit' ? 80 : amount;
          assertFunctional(`${run.scenario} endpoint`, run.endpoint, created);
          assert.ok(run.baseline, 'the baseline ran in the same run');
          assertFunctional(`${run.scenario} baseline`, run.baseline, created);
        }
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
