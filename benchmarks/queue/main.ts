// `npm run bench:queue`: the waiting room under a join storm (README.md beside this).
// Usage: npm run bench:queue -- [--redis] [--buyers 100000] [--join-seconds 10] [--prequeue-seconds J/2]
//        [--status-every 5] [--admission-per-minute 6000] [--max-inside min(buyers, 100000)]
//        [--pass-lifetime 300] [--duration 120] [--hold-share 1] [--connections 256] [--timeout 30]
//        [--one-address] [--probe-rate 20] [--probe-seconds 20] [--probe-connections 4]
//        [--room-sample 3] [--redis-db 14] [--log-level info] [--out DIR]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine } from '../shared';
import { parseQueueOptions } from './options';
import { queueMarkdown } from './report';
import { runQueueBenchmark } from './run-queue';

const options = parseQueueOptions(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const result = await runQueueBenchmark(options, stamp, log);

const machine = describeMachine({
  services:
    options.mode === 'redis'
      ? 'PostgreSQL and Redis from infra/services/services.sh on the same machine'
      : 'none: the embedded mode (PGlite, in-process line)',
  loadGenerator: 'this Node process (storm) and wrk (probe), on the same cores as the server',
});
const command = `npm run bench:queue -- ${process.argv.slice(2).join(' ')}`.trim();
const base = join(options.outDir, `queue-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify({ machine, command, options, ...result }, null, 2)}\n`);
const markdown = queueMarkdown(machine, command, options, result);
writeFileSync(`${base}.md`, markdown);
console.log(markdown);
console.error(`written: ${base}.json, ${base}.md`);
