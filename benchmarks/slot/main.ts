// The per-event ceiling: all zones of one event share one Redis Cluster slot (the buyer limit spans them),
// so one Redis process runs every hold of an event. redis-benchmark sends the reservation script (the
// product's own hold.lua, bucket and key included) with a new buyer, booking and key per call, against a
// zone too large to sell out; the baseline, in the same run, is a one-line script that decrements the same
// zone counter (the least any atomic hold could do). redis-benchmark shares the cores with Redis: say so.
// Usage: tsx benchmarks/slot/main.ts [--requests 300000] [--clients 50] [--runs 3]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import { inventoryKeys } from '../../infra/inventory/redis/keys';
import { scripts } from '../../infra/inventory/redis/lua-script';
import { describeMachine, median } from '../shared';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300000' },
    clients: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    redis: { type: 'string', default: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL },
  },
});
if (!values.redis) throw new Error('Set TEST_REDIS_URL (npm run services -- up redis; . .services/env)');
const url = new URL(values.redis);
const port = url.port || '6379';
const pid = Number(
  execFileSync('redis-cli', ['-p', port, 'info', 'server'], { encoding: 'utf8' }).match(
    /process_id:(\d+)/,
  )![1],
);
const ticksPerSecond = 100;
const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
};

const redis = new Redis(values.redis);
const prefix = `bench-slot-${Date.now()}:`;
const actor = new RedisInventoryActor(redis, prefix);
const eventId = 'slot';
await actor.provisionZone({ eventId, zoneId: 'z', capacity: 1_000_000_000 });
await actor.provisionZone({ eventId, zoneId: 'sold', capacity: 0 });
const keys = inventoryKeys(prefix, eventId);
const decrement = "return redis.call('HINCRBY', KEYS[1], 'available', -1)";
const decrementSha = String(await redis.script('LOAD', decrement));
await redis.script('LOAD', scripts.hold.source);
const now = Date.now();
const hold = JSON.stringify({
  bookingId: 'b',
  eventId,
  zoneId: 'z',
  userId: 'u',
  quantity: 1,
  unitPrice: 2500,
  currency: 'EUR',
  expiresAt: now + 600_000,
});
const holdCommand = [
  'EVALSHA',
  scripts.hold.sha,
  '6',
  keys.zone('z'),
  keys.user('u__rand_int__'),
  keys.hold('b__rand_int____rand_int__'),
  keys.outcome('k__rand_int____rand_int__'),
  keys.expiry,
  keys.bucket('u__rand_int__'),
  '1',
  '4',
  String(now + 600_000),
  '1200000',
  hold,
  'b__rand_int__',
  'z',
  'u',
  '2500',
  'EUR',
  'z:1',
  String(now),
  '10',
  '1',
];
/** The same call on a zone with no seat left: the rejection is remembered under its key. */
const soldOutCommand = holdCommand.map((arg) =>
  arg === keys.zone('z') ? keys.zone('sold') : arg === 'z' ? 'sold' : arg === 'z:1' ? 'sold:1' : arg,
);
const baselineCommand = ['EVALSHA', decrementSha, '1', keys.zone('z')];

function run(command: string[], pipeline: number) {
  const before = cpuSeconds();
  const started = performance.now();
  const csv = execFileSync(
    'redis-benchmark',
    [
      '-p',
      port,
      '-n',
      values.requests!,
      '-c',
      values.clients!,
      '-r',
      '100000000',
      '-P',
      String(pipeline),
      '--csv',
      ...command,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const seconds = (performance.now() - started) / 1000;
  // The test name (the command) may hold commas and quotes: the figures are the last seven cells.
  const cells = csv
    .trim()
    .split('\n')
    .at(-1)!
    .split(',')
    .map((cell) => Number(cell.replaceAll('"', '')));
  const [rps = NaN, , , , , p99 = NaN] = cells.slice(-7);
  const redisCpu = cpuSeconds() - before;
  return {
    rps,
    p99,
    redisCpuPercent: (100 * redisCpu) / seconds,
    redisUsPerCall: (redisCpu * 1e6) / Number(values.requests),
  };
}

const rows: { script: string; pipeline: number; runs: ReturnType<typeof run>[] }[] = [];
for (const pipeline of [1, 16]) {
  for (const [script, command] of [
    ['baseline: one HINCRBY in a script', baselineCommand],
    ['hold.lua (bucket, key, hold)', holdCommand],
    ['hold.lua on a sold-out zone (bucket, key, rejection remembered)', soldOutCommand],
  ] as const) {
    const runs = Array.from({ length: Number(values.runs) }, () => run([...command], pipeline));
    rows.push({ script, pipeline, runs });
  }
}
const zone = await redis.hgetall(keys.zone('z'));
console.log(
  JSON.stringify(
    describeMachine({ redis: String((await redis.info('server')).match(/redis_version:(\S+)/)?.[1]) }),
  ),
);
console.log('\n| script | pipeline | calls/s (median) | runs | p99 ms | Redis CPU µs/call | Redis CPU |');
console.log('|---|---|---|---|---|---|---|');
for (const { script, pipeline, runs } of rows) {
  const m = (pick: (r: ReturnType<typeof run>) => number) => median(runs.map(pick));
  console.log(
    `| ${script} | ${pipeline} | **${Math.round(m((r) => r.rps)).toLocaleString('en')}** | ${runs.map((r) => Math.round(r.rps)).join(' · ')} | ${m((r) => r.p99)} | ${m((r) => r.redisUsPerCall).toFixed(1)} | ${Math.round(m((r) => r.redisCpuPercent))}% |`,
  );
}
console.log(
  `\nzone after the runs: held ${zone.held}, available ${zone.available} (every hold call held one seat)`,
);
const stray = await redis.keys(`${prefix}*`);
for (let i = 0; i < stray.length; i += 1000) await redis.del(...stray.slice(i, i + 1000));
await redis.quit();
