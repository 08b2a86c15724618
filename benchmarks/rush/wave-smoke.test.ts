// A tiny expiry wave in CI: 300 holds with a 3 s TTL that nobody pays, on the `start` role with the
// in-process bus (wrk, and the SMTP sink reading headers: the benchmark's defaults) and with Kafka
// (autocannon, the sink parsing every mail). Outcomes only, never a timing threshold. (The distributed
// variant, whose notifier keeps its documents in FerretDB, sends about 15 mails/s here: its wave runs
// by hand, README.md.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { logFollowers } from './log-followers';
import { runWaveScenario, waveProblems, type WaveRunOptions } from './run-wave';
import type { LoadRun } from './run-wave-variant';
import type { VariantName } from './variants';

const holds = 300;

const options = (
  variant: VariantName,
  generator: WaveRunOptions['generator'],
  smtpSink: WaveRunOptions['smtpSink'],
  outDir: string,
): WaveRunOptions => ({
  variants: [variant],
  holds,
  rate: 100,
  ttlSeconds: 3,
  graceMs: 1000,
  holdsPerBuyer: 10,
  connections: 10,
  generator,
  timeoutSeconds: 10,
  smtpSink,
  probe: { rate: 10, quietSeconds: 2, tailSeconds: 2, connections: 2 },
  catchUpTimeoutSeconds: 60,
  drainTimeoutSeconds: 150,
  sampleIntervalMs: 250,
  redisDb: 10,
  outDir,
  log: () => undefined,
});

const allCreated = (run: LoadRun, label: string) => {
  assert.deepEqual(run.load.statuses, { 201: run.load.requests }, `${label}: every reservation a 201`);
  assert.ok(run.load.requests > 0, `${label}: sent`);
  assert.equal(run.load.errors + run.load.timeouts, 0, `${label}: no connection errors or timeouts`);
};

describe('expiry wave benchmark smoke (the start role on the in-process bus and on Kafka)', () => {
  it(
    'expires every hold, mails every buyer once per booking at the SMTP server, leaves nothing due, and reports every follower drained',
    { timeout: 480_000 },
    async () => {
      const outDir = mkdtempSync(join(tmpdir(), 'bench-wave-smoke-'));
      try {
        const runs = [
          await runWaveScenario(options('start', 'wrk', 'headers', outDir)),
          await runWaveScenario(options('start-kafka', 'autocannon', 'parse', outDir)),
        ];
        const expectedFollowers = [
          ...logFollowers.map((follower) => follower.name),
          'notifier',
          'payment service',
        ].sort();
        for (const result of runs.flatMap((run) => run.variants)) {
          const label = result.variant;
          allCreated(result.placement, `${label} placement`);
          assert.equal(result.placement.load.requests, holds, `${label}: every hold answered`);
          allCreated(result.probe.quiet, `${label} probe without the wave`);
          allCreated(result.probe.wave, `${label} probe during the wave`);
          assert.deepEqual(waveProblems(result), [], `${label}: outcomes`);
          assert.equal(result.checks.reserved, holds, `${label}: BookingReserved`);
          assert.equal(result.checks.expired, holds, `${label}: BookingExpired`);
          assert.equal(result.mails.once, holds, `${label}: one expiry mail per booking`);
          assert.equal(result.checks.failedNotifications, 0, `${label}: no failed notification`);
          assert.ok(result.checks.verdicts.wave.ok && result.checks.verdicts.probe.ok, `${label}: verdicts`);
          assert.deepEqual(
            result.followers.map((follower) => follower.name).sort(),
            expectedFollowers,
            `${label}: every follower observed`,
          );
          for (const follower of result.followers)
            assert.notEqual(follower.drainSeconds, undefined, `${label}: ${follower.name} drained`);
          assert.notEqual(result.sagaDue.drainSeconds, undefined, `${label}: saga due commands back to 0`);
          assert.equal(result.targets.length, 6, `${label}: every target checked`);
          for (const window of ['placement', 'wave', 'untilDrained'])
            assert.ok(
              result.cpu[window]?.percent['smtp server (loopback)'] !== undefined,
              `${label}: CPU ${window}`,
            );
          assert.ok(
            (result.waveSamples.at(-1)?.expired ?? 0) >= holds,
            `${label}: the monitor counted the expiries`,
          );
        }
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
