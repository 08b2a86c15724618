// A short run of the load harness in CI: the real server on PostgreSQL + Redis and the baseline, a few
// hundred requests per scenario, load generator and target (autocannon and wrk, closed loop and paced,
// so a broken wrk script fails here). Functional outcomes only, never a timing threshold of the server.
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
    'answers every request under autocannon and wrk (closed loop and paced), no 5xx, the invariant holds and no write is lost',
    { timeout: 150_000 },
    async () => {
      const outDir = mkdtempSync(join(tmpdir(), 'bench-load-smoke-'));
      try {
        const runs = await runHarness({
          scenarios: ['sold-out-0.5', 'max', 'buyer-limit'],
          runs: 1,
          role: 'start',
          baseline: true,
          generator: 'both',
          warmupSeconds: 0,
          redisDb: 13,
          outDir,
          timeoutSeconds: 10,
          overrides: { amount, connections: 10 },
          log: () => undefined,
        });
        // max first (sold-out-0.5 needs its baseline rate); every scenario under both generators.
        assert.deepEqual(
          runs.map((run) => `${run.scenario} ${run.generator}`),
          [
            'max autocannon',
            'max wrk',
            'sold-out-0.5 autocannon',
            'sold-out-0.5 wrk',
            'buyer-limit autocannon',
            'buyer-limit wrk',
          ],
        );
        for (const run of runs) {
          const label = `${run.scenario} ${run.generator}`;
          // Sold out: only the 10 seats sold before the load; buyer limit: 20 buyers × 4.
          const created = run.scenario === 'sold-out-0.5' ? 10 : run.scenario === 'buyer-limit' ? 80 : amount;
          assertFunctional(`${label} endpoint`, run.endpoint, created);
          assert.ok(run.baseline, 'the baseline ran in the same run');
          assertFunctional(`${label} baseline`, run.baseline, created);
          for (const result of [run.endpoint, run.baseline]) {
            assert.equal(result.load.generator, run.generator, `${label}: measured by ${run.generator}`);
            // Measured, not asserted: a few hundred answers may take less CPU than one clock tick.
            assert.ok(
              Number.isFinite(result.serverCpuUsPerAnswer),
              `${label}: server CPU per answer measured`,
            );
            if (run.generator === 'wrk') {
              assert.ok(result.load.wrk?.correctionUndone, `${label}: wrk's latency histogram read exactly`);
              assert.equal(result.load.latency.count, amount, `${label}: one latency per answer`);
            }
          }
        }
        const baselineMax = runs.find((run) => run.scenario === 'max' && run.generator === 'autocannon')!;
        const offered = Math.round(0.5 * baselineMax.baseline!.load.rps);
        for (const soldOut of runs.filter((run) => run.scenario === 'sold-out-0.5')) {
          assert.equal(
            soldOut.parameters.overallRate,
            offered,
            `sold-out-0.5 ${soldOut.generator} is offered half the same run's baseline max rate (autocannon's)`,
          );
        }
        // wrk paced by its script: every request sent on its schedule, and the rate achieved near the
        // one offered. A wide band: only a few hundred requests, and wrk's wall time includes starting
        // and being stopped; a closed loop would run at the server's full rate, about twice the offered
        // one or more.
        const paced = runs.find((run) => run.scenario === 'sold-out-0.5' && run.generator === 'wrk')!;
        for (const [name, result] of [
          ['endpoint', paced.endpoint],
          ['baseline', paced.baseline!],
        ] as const) {
          const pacing = result.load.wrk?.paced;
          assert.equal(pacing?.rate, offered, `paced wrk ${name}: the rate passed to the script`);
          assert.equal(pacing.sends, amount, `paced wrk ${name}: every request sent on the schedule`);
          const share = result.load.rps / offered;
          assert.ok(
            share >= 0.6 && share <= 1.15,
            `paced wrk ${name}: ${result.load.rps}/s achieved of ${offered}/s offered (${share.toFixed(2)})`,
          );
        }
        const codes = runs.find((run) => run.scenario === 'buyer-limit' && run.generator === 'wrk')!.endpoint
          .load.codes;
        assert.deepEqual(Object.keys(codes), ['TICKET_LIMIT_EXCEEDED'], "wrk reads the answers' error codes");
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
