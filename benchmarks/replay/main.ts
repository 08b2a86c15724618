// Replay benchmark: append N events through group commit, then rebuild a Postgres projection from 0.
// Usage: npm run bench:replay -- [--events 1000000] [--runs 3] [--streams N] [--events-per-append 1]
//        [--concurrency 256] [--batch 2000] [--driver pg|pglite]
// Per projection, on a simulated sale: npm run bench:replay -- --scenario projections (projections-main.ts)
import { parseArgs } from 'node:util';

if (process.argv.includes('--scenario')) {
  await import('./projections-main');
  process.exit(0);
}
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import type { SqlClient } from '../../infra/ports/sql';
import { PGliteSqlClient } from '../../infra/sql';
import { createTestDatabase } from '../../infra/testing';
import { describeMachine, formatRate, median } from '../shared';
import { appendPhase } from './append-phase';
import { baselineAppend, baselineReplay } from './baseline';
import { replayPhase } from './replay-phase';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    streams: { type: 'string' },
    'events-per-append': { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '256' },
    batch: { type: 'string', default: '2000' },
    driver: { type: 'string', default: 'pg' },
  },
});
const events = Number(values.events);
const runs = Number(values.runs);
const options = {
  events,
  streams: Number(values.streams ?? Math.max(1, Math.floor(events / 10))),
  eventsPerAppend: Number(values['events-per-append']),
  concurrency: Number(values.concurrency),
};
const batch = Number(values.batch);

async function openDatabase(): Promise<{ sql: SqlClient; drop(): Promise<void> }> {
  if (values.driver === 'pglite') {
    const sql = await PGliteSqlClient.open();
    return { sql, drop: () => sql.close() };
  }
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  return createTestDatabase({ maxConnections: 6 });
}

type RunResult = {
  append: number;
  catchUp: number;
  rebuild: number;
  baselineAppend: number;
  baselineReplay: number;
};
const results: RunResult[] = [];
let serverVersion = 'PGlite';
for (let run = 1; run <= runs; run++) {
  const database = await openDatabase();
  const [version] = await database.sql.query<{ server_version: string }>('SHOW server_version');
  serverVersion = `PostgreSQL ${version?.server_version} (${values.driver})`;
  const store = await PostgresEventStore.open(database.sql);
  const baselineAppendSeconds = await baselineAppend(database.sql, options);
  const appendSeconds = await appendPhase(store, options);
  const baselineReplaySeconds = await baselineReplay(database.sql, batch);
  const { catchUpSeconds, rebuildSeconds } = await replayPhase(database.sql, store, batch);
  const result: RunResult = {
    append: events / appendSeconds,
    catchUp: events / catchUpSeconds,
    rebuild: events / rebuildSeconds,
    baselineAppend: events / baselineAppendSeconds,
    baselineReplay: events / baselineReplaySeconds,
  };
  results.push(result);
  process.stderr.write(
    `run ${run}/${runs}: append ${formatRate(result.append)} (baseline ${formatRate(result.baselineAppend)}), ` +
      `replay ${formatRate(result.catchUp)}, rebuild ${formatRate(result.rebuild)} (baseline ${formatRate(result.baselineReplay)})\n`,
  );
  await store.close();
  await database.drop();
}

const medianOf = (key: keyof RunResult) => Math.round(median(results.map((r) => r[key])));
const summary = {
  machine: describeMachine({
    database: serverVersion,
    loadGenerator: 'the appenders run in the same Node process, on the same 2 cores',
  }),
  parameters: { ...options, runs, projectionBatch: batch },
  medianEventsPerSecond: {
    append: medianOf('append'),
    replay: medianOf('catchUp'),
    rebuild: medianOf('rebuild'),
    baselineAppend: medianOf('baselineAppend'),
    baselineReplay: medianOf('baselineReplay'),
  },
  ratioToBaseline: {
    append: +(medianOf('append') / medianOf('baselineAppend')).toFixed(2),
    replay: +(medianOf('catchUp') / medianOf('baselineReplay')).toFixed(2),
  },
  runs: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))),
};
console.log(JSON.stringify(summary, null, 2));
