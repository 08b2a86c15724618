// The expiry wave after a rush (issue 14; README.md beside this).
// Usage: npm run bench:rush -- --scenario wave [--variant start,start-kafka] [--holds 50000]
//        [--rate holds/90 s] [--ttl placement + 30 s] [--grace-ms 5000] [--holds-per-buyer 10]
//        [--probe-rate 50] [--probe-seconds 60] [--probe-tail 30] [--probe-connections 4]
//        [--connections 100] [--generator wrk|autocannon] [--smtp-sink headers|parse]
//        [--catch-up-timeout 120]
//        [--drain-timeout 600] [--sample-ms 250] [--redis-db 11] [--timeout 10] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGenerators, type LoadGeneratorName } from '../load/load-plan';
import { describeMachine } from '../shared';
import { runWaveScenario, waveProblems } from './run-wave';
import { sinkModes, type SinkMode } from './smtp-sink';
import { chosenVariants } from './variants';
import { waveMarkdown } from './wave-report';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'wave' },
    variant: { type: 'string', default: 'start,start-kafka' },
    holds: { type: 'string', default: '50000' },
    rate: { type: 'string' },
    ttl: { type: 'string' },
    'grace-ms': { type: 'string', default: '5000' },
    'holds-per-buyer': { type: 'string', default: '10' },
    'probe-rate': { type: 'string', default: '50' },
    'probe-seconds': { type: 'string', default: '60' },
    'probe-tail': { type: 'string', default: '30' },
    'probe-connections': { type: 'string', default: '4' },
    connections: { type: 'string', default: '100' },
    // Paced on an absolute schedule: the offered rate is kept (autocannon's per-second quota per
    // connection falls about one request per connection short), so the due times spread as asked.
    generator: { type: 'string', default: 'wrk' },
    'smtp-sink': { type: 'string', default: 'headers' },
    'catch-up-timeout': { type: 'string', default: '120' },
    'drain-timeout': { type: 'string', default: '600' },
    'sample-ms': { type: 'string', default: '250' },
    'redis-db': { type: 'string', default: '11' },
    timeout: { type: 'string', default: '10' },
    out: { type: 'string', default: new URL('./out', import.meta.url).pathname },
  },
});

const chosen = chosenVariants(values.variant);
if (!(loadGenerators as readonly string[]).includes(values.generator))
  throw new Error(`--generator is one of ${loadGenerators.join(', ')}`);
if (!(sinkModes as readonly string[]).includes(values['smtp-sink']))
  throw new Error(`--smtp-sink is one of ${sinkModes.join(', ')}`);
const positive = (name: string, value: string, allowZero = false) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || (!allowZero && parsed === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  return parsed;
};
const holds = Math.round(positive('holds', values.holds));
// All holds placed within about 90 s, so they come due within about 90 s.
const rate = values.rate === undefined ? Math.ceil(holds / 90) : positive('rate', values.rate);
// By default they come due after the placement has ended: the wave is measured on its own.
const ttlSeconds =
  values.ttl === undefined ? Math.ceil(holds / rate) + 30 : Math.round(positive('ttl', values.ttl));
const holdsPerBuyer = Math.round(positive('holds-per-buyer', values['holds-per-buyer']));
if (holdsPerBuyer > 10) throw new Error('--holds-per-buyer is at most 10 (the sale allows 10 per buyer)');
const parameters = {
  variants: chosen,
  holds,
  rate,
  ttlSeconds,
  graceMs: positive('grace-ms', values['grace-ms'], true),
  holdsPerBuyer,
  connections: positive('connections', values.connections),
  generator: values.generator as LoadGeneratorName,
  timeoutSeconds: positive('timeout', values.timeout),
  smtpSink: values['smtp-sink'] as SinkMode,
  probe: {
    rate: positive('probe-rate', values['probe-rate']),
    quietSeconds: positive('probe-seconds', values['probe-seconds']),
    tailSeconds: positive('probe-tail', values['probe-tail'], true),
    connections: positive('probe-connections', values['probe-connections']),
  },
  catchUpTimeoutSeconds: positive('catch-up-timeout', values['catch-up-timeout']),
  drainTimeoutSeconds: positive('drain-timeout', values['drain-timeout']),
  sampleIntervalMs: positive('sample-ms', values['sample-ms']),
  redisDb: positive('redis-db', values['redis-db'], true),
};

mkdirSync(values.out, { recursive: true });
const result = await runWaveScenario({ ...parameters, outDir: values.out });

const machine = describeMachine({
  services:
    'PostgreSQL, Redis, Kafka and FerretDB from infra/services/services.sh on the same machine; ' +
    `the load generator (${values.generator}), the loopback SMTP server and the harness on the same cores`,
});
const command = `npm run bench:rush -- ${process.argv.slice(2).join(' ')}`.trim();
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const base = join(values.out, `wave-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify({ machine, command, parameters, ...result }, null, 2)}\n`);
const markdown = waveMarkdown(machine, command, parameters, result);
writeFileSync(`${base}.md`, markdown);
console.log(markdown);
console.error(`written: ${base}.json, ${base}.md`);
if (result.variants.some((variant) => waveProblems(variant).length > 0)) process.exitCode = 1;
