// Load benchmark of POST /api/v1/bookings against the same-run minimal baseline (README.md beside this).
// Usage: npm run bench:load -- [--scenario max,fixed-10k,spike-20k,sold-out,buyer-limit,fixed-0.7,sold-out-0.5]
//        [--runs 3] [--duration S] [--connections N] [--rate RPS] [--amount N] [--role start|command-api]
//        [--generator autocannon|wrk|both] [--wrk-threads 2] [--baseline on|off] [--warmup 5]
//        [--redis-db 12] [--timeout 10] [--cpu-prof] [--out DIR]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describeMachine } from '../shared';
import { runHarness } from './harness';
import { summarize, toMarkdown } from './report';
import { generatorChoices, type GeneratorChoice } from './scenario-plan';
import { scenarioNames, type ScenarioName } from './scenarios';
import { servicesUp, wrkVersion } from './services';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: scenarioNames.join(',') },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    rate: { type: 'string' },
    amount: { type: 'string' },
    role: { type: 'string', default: 'start' },
    generator: { type: 'string' },
    'wrk-threads': { type: 'string' },
    baseline: { type: 'string', default: 'on' },
    warmup: { type: 'string', default: '5' },
    'redis-db': { type: 'string', default: '12' },
    timeout: { type: 'string', default: '10' },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string', default: new URL('./out', import.meta.url).pathname },
  },
});

const chosen = values.scenario.split(',').map((name) => name.trim());
for (const name of chosen) {
  if (!(scenarioNames as readonly string[]).includes(name)) {
    throw new Error(`Unknown scenario ${name} (known: ${scenarioNames.join(', ')})`);
  }
}
if (values.role !== 'start' && values.role !== 'command-api')
  throw new Error('--role is start or command-api');
if (values.generator !== undefined && !(generatorChoices as readonly string[]).includes(values.generator))
  throw new Error(`--generator is ${generatorChoices.join(', ')}`);
const generator = values.generator as GeneratorChoice | undefined;
if (values['wrk-threads'] !== undefined && !(Number(values['wrk-threads']) >= 1))
  throw new Error('--wrk-threads is a number ≥ 1');
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const overrides = {
  durationSeconds: number(values.duration),
  connections: number(values.connections),
  overallRate: number(values.rate),
  amount: number(values.amount),
};
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const parameters = {
  scenarios: chosen,
  runs: Number(values.runs),
  role: values.role,
  ...(generator === undefined ? {} : { generator }),
  ...(values['wrk-threads'] === undefined ? {} : { wrkThreads: Number(values['wrk-threads']) }),
  baseline: values.baseline === 'on',
  warmupSeconds: Number(values.warmup),
  redisDb: Number(values['redis-db']),
  timeoutSeconds: Number(values.timeout),
  overrides: Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
};

const runs = await runHarness({
  ...parameters,
  scenarios: chosen as ScenarioName[],
  role: values.role,
  overrides,
  outDir: values.out,
  ...(values['cpu-prof']
    ? { serverNodeOptions: ['--cpu-prof', `--cpu-prof-dir=${join(values.out, 'profiles')}`] }
    : {}),
});

const urls = await servicesUp();
const autocannonVersion = (createRequire(import.meta.url)('autocannon/package.json') as { version: string })
  .version;
const client = new pg.Client({ connectionString: urls.postgres });
await client.connect();
const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
await client.end();
const redis = new Redis(urls.redis);
const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
await redis.quit();
const machine = describeMachine({
  database: `PostgreSQL ${rows[0]?.server_version} and Redis ${redisVersion} (infra/services/services.sh) on the same machine`,
  loadGenerator: `load generators in their own processes on the same cores: autocannon ${autocannonVersion}, ${await wrkVersion()}`,
});
const summaries = summarize(runs);
const command = `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim();
const summary = { machine, command, parameters, scenarios: summaries, runs };
const base = join(values.out, `load-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify(summary, null, 2)}\n`);
const markdown = toMarkdown(machine, parameters, command, summaries);
writeFileSync(`${base}.md`, markdown);
console.log(markdown);
console.error(`written: ${base}.json, ${base}.md`);
if (summaries.some((s) => s.endpoint.verdict === 'FAIL' || s.baseline?.verdict === 'FAIL'))
  process.exitCode = 1;
