// A rush with every role running, then the saga's and the relay's throughput (README.md beside this).
// Usage: npm run bench:rush -- [--scenario rush] [--variant start,distributed] [--rate RPS] [--duration 60]
//        [--max-duration 15] [--connections 100] [--catch-up-timeout 120] [--sample-ms 250]
//        [--ttl 600] [--throughput-events 50000] [--throughput-runs 3] [--batch-size 500]
//        [--generator autocannon|wrk] [--redis-db 11] [--timeout 10] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGenerators, type LoadGeneratorName } from '../load/load-plan';
import { describeMachine } from '../shared';
import { toMarkdown } from './report';
import { runRush } from './run-rush';
import { chosenVariants } from './variants';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'rush' },
    variant: { type: 'string', default: 'start,distributed' },
    rate: { type: 'string' },
    duration: { type: 'string', default: '60' },
    'max-duration': { type: 'string', default: '15' },
    connections: { type: 'string', default: '100' },
    'catch-up-timeout': { type: 'string', default: '120' },
    'sample-ms': { type: 'string', default: '250' },
    ttl: { type: 'string', default: '600' },
    'throughput-events': { type: 'string', default: '50000' },
    'throughput-runs': { type: 'string', default: '3' },
    'batch-size': { type: 'string', default: '500' },
    'redis-db': { type: 'string', default: '11' },
    timeout: { type: 'string', default: '10' },
    generator: { type: 'string', default: 'autocannon' },
    out: { type: 'string', default: new URL('./out', import.meta.url).pathname },
  },
});

const chosen = chosenVariants(values.variant);
if (!(loadGenerators as readonly string[]).includes(values.generator))
  throw new Error(`--generator is one of ${loadGenerators.join(', ')}`);
const positive = (name: string, value: string | undefined, allowZero = false) => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || (!allowZero && parsed === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  return parsed;
};
const parameters = {
  variants: chosen,
  ...(values.rate === undefined ? {} : { rate: positive('rate', values.rate)! }),
  durationSeconds: positive('duration', values.duration)!,
  maxDurationSeconds: positive('max-duration', values['max-duration'])!,
  connections: positive('connections', values.connections)!,
  catchUpTimeoutSeconds: positive('catch-up-timeout', values['catch-up-timeout'])!,
  sampleIntervalMs: positive('sample-ms', values['sample-ms'])!,
  reservationTtlSeconds: positive('ttl', values.ttl)!,
  timeoutSeconds: positive('timeout', values.timeout)!,
  generator: values.generator as LoadGeneratorName,
  redisDb: positive('redis-db', values['redis-db'], true)!,
  throughput: {
    events: positive('throughput-events', values['throughput-events'], true)!,
    runs: positive('throughput-runs', values['throughput-runs'])!,
    batchSize: positive('batch-size', values['batch-size'])!,
  },
};

mkdirSync(values.out, { recursive: true });
const result = await runRush({ ...parameters, outDir: values.out });

const machine = describeMachine({
  services:
    'PostgreSQL, Redis, Kafka and FerretDB from infra/services/services.sh on the same machine; ' +
    `the load generator (${values.generator}) and the harness on the same cores`,
});
const command = `npm run bench:rush -- ${process.argv.slice(2).join(' ')}`.trim();
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const base = join(values.out, `rush-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify({ machine, command, parameters, ...result }, null, 2)}\n`);
const markdown = toMarkdown(machine, command, parameters, result);
writeFileSync(`${base}.md`, markdown);
console.log(markdown);
console.error(`written: ${base}.json, ${base}.md`);
const failed = result.variants.some(
  (variant) => !variant.allCaughtUp || Object.values(variant.verdicts).some((verdict) => !verdict.ok),
);
if (failed) process.exitCode = 1;
