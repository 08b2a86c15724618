// What recording metrics costs the hot path: the load benchmark's `max` scenario against the product's
// server with METRICS=on and with METRICS=off, alternating on/off within one invocation so both see the
// same machine, services and warm caches (README.md beside this, "Metrics on and off").
// Usage: npm run bench:metrics-cost -- [--runs 3] [--role command-api|start] [--generator wrk|autocannon]
//        [--duration S] [--warmup 5] [--out DIR]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, median } from '../shared';
import { runHarness, type ScenarioRun } from './harness';
import type { GeneratorChoice } from './scenario-plan';
import { wrkVersion } from './services';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    role: { type: 'string', default: 'command-api' },
    generator: { type: 'string', default: 'wrk' },
    duration: { type: 'string' },
    warmup: { type: 'string', default: '5' },
    out: { type: 'string', default: new URL('./out', import.meta.url).pathname },
  },
});
if (values.role !== 'start' && values.role !== 'command-api')
  throw new Error('--role is start or command-api');
if (values.generator !== 'wrk' && values.generator !== 'autocannon')
  throw new Error('--generator is wrk or autocannon');
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error('--runs is a number ≥ 1');

const settings = ['on', 'off'] as const;
type Setting = (typeof settings)[number];
const measured: Record<Setting, ScenarioRun[]> = { on: [], off: [] };
for (let run = 1; run <= runs; run++) {
  // Alternate which goes first, so a drift over the invocation does not favour one setting.
  const order = run % 2 === 1 ? settings : ([...settings].reverse() as Setting[]);
  for (const setting of order) {
    process.stderr.write(`metrics-cost run ${run}: METRICS=${setting}\n`);
    const [result] = await runHarness({
      scenarios: ['max'],
      runs: 1,
      role: values.role,
      baseline: false,
      warmupSeconds: Number(values.warmup),
      redisDb: 12,
      outDir: values.out,
      timeoutSeconds: 10,
      generator: values.generator as GeneratorChoice,
      overrides: values.duration === undefined ? {} : { durationSeconds: Number(values.duration) },
      serverEnv: { METRICS: setting },
    });
    if (!result) throw new Error('the harness measured nothing');
    if (!result.endpoint.verdict.ok) throw new Error(`METRICS=${setting}: the run lost or doubled bookings`);
    measured[setting].push(result);
  }
}

const rps = (setting: Setting) => measured[setting].map((run) => run.endpoint.load.rps);
const p99 = (setting: Setting) => measured[setting].map((run) => run.endpoint.load.latency.p99);
const cpu = (setting: Setting) => measured[setting].map((run) => run.endpoint.serverCpuUsPerAnswer);
const on = { rps: median(rps('on')), p99Ms: median(p99('on')), cpuUsPerAnswer: median(cpu('on')) };
const off = { rps: median(rps('off')), p99Ms: median(p99('off')), cpuUsPerAnswer: median(cpu('off')) };
const costPercent = Math.round((1 - on.rps / off.rps) * 1000) / 10;
const machine = describeMachine({
  database: 'PostgreSQL and Redis (infra/services/services.sh) on the same machine',
  loadGenerator: `${values.generator === 'wrk' ? await wrkVersion() : 'autocannon'} in its own process on the same cores`,
});
const command = `npm run bench:metrics-cost -- ${process.argv.slice(2).join(' ')}`.trim();
const summary = {
  machine,
  command,
  role: values.role,
  generator: values.generator,
  runs,
  perRun: { on: rps('on'), off: rps('off') },
  on,
  off,
  throughputCostPercent: costPercent,
  target: 'at most 5 % fewer requests per second with metrics on',
  verdict: costPercent <= 5 ? 'PASS' : 'FAIL',
};
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const file = join(values.out, `metrics-cost-${stamp}.json`);
writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
console.error(`written: ${file}`);
if (summary.verdict === 'FAIL') process.exitCode = 1;
