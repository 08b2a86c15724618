// Per-projection rebuild benchmark on the log of a simulated sale.
// Usage: npm run bench:replay -- --scenario projections [--bookings 23000] [--runs 3] [--batch 500]
//        (needs TEST_DATABASE_URL and TEST_MONGO_URL: `npm run services -- up && set -a && . .services/env && set +a`)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { InMemoryDocumentStore } from '../../infra/document-store/in-memory';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import type { DocumentStore } from '../../infra/ports/document-store';
import { createTestDatabase } from '../../infra/testing';
import { everyProjection } from '../../infra/testing/every-projection';
import { simulateSale } from '../../infra/testing/simulated-sale';
import { describeMachine, formatRate, median } from '../shared';
import {
  readOnlyDocumentProjection,
  readOnlySqlProjection,
  timeRebuild,
  type TimedProjection,
} from './projections-phase';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    bookings: { type: 'string', default: '23000' },
    runs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '500' },
  },
});
const bookings = Number(values.bookings);
const runs = Number(values.runs);
const batch = Number(values.batch);
const mongoUrl = process.env.TEST_MONGO_URL;
if (!mongoUrl) throw new Error('TEST_MONGO_URL is not set: start the servers and source .services/env');

function projectionsOn(stores: { label: string; documents: DocumentStore }[]): TimedProjection[] {
  return [
    { label: 'baseline: read only (SQL runner)', kind: 'sql', projection: readOnlySqlProjection },
    ...everyProjection.sql.map(
      (projection) => ({ label: projection.name, kind: 'sql', projection }) as const,
    ),
    ...stores.flatMap(({ label, documents }) => [
      {
        label: `baseline: read only (document runner, ${label})`,
        kind: 'document' as const,
        projection: readOnlyDocumentProjection,
        documents,
      },
      ...everyProjection.documents.map((projection) => ({
        label: `${projection.name} (${label})`,
        kind: 'document' as const,
        projection,
        documents,
      })),
    ]),
  ];
}

const rates = new Map<string, number[]>();
let events = 0;
let serverVersion = '';
for (let run = 1; run <= runs; run += 1) {
  const database = await createTestDatabase({ maxConnections: 6 });
  const [version] = await database.sql.query<{ server_version: string }>('SHOW server_version');
  serverVersion = `PostgreSQL ${version?.server_version}`;
  const store = await PostgresEventStore.open(database.sql);
  const ferret = await MongoDocumentStore.connect({
    url: mongoUrl,
    dbName: `bench_${randomBytes(5).toString('hex')}`,
  });
  const memory = new InMemoryDocumentStore();
  try {
    const sale = await simulateSale(store, { bookings });
    events = (await store.head()).position;
    process.stderr.write(`run ${run}/${runs}: ${sale.events} events appended\n`);
    const timed = projectionsOn([
      { label: 'FerretDB', documents: ferret },
      { label: 'in-memory', documents: memory },
    ]);
    for (const projection of timed) {
      const seconds = await timeRebuild(database.sql, store, projection, batch);
      const rate = events / seconds;
      rates.set(projection.label, [...(rates.get(projection.label) ?? []), rate]);
      process.stderr.write(`  ${projection.label}: ${formatRate(rate)} events/s\n`);
    }
  } finally {
    await ferret.dropDatabase();
    await ferret.close();
    await memory.close();
    await store.close();
    await database.drop();
  }
}

console.log(
  JSON.stringify(
    {
      machine: describeMachine({
        database: `${serverVersion}; FerretDB 1.24 (SQLite backend) as MongoDB`,
        loadGenerator: 'the runners and the servers share the same 2 cores',
      }),
      parameters: { bookings, logEvents: events, runs, batch },
      medianLogEventsPerSecond: Object.fromEntries(
        [...rates].map(([label, values]) => [label, Math.round(median(values))]),
      ),
      runs: Object.fromEntries([...rates].map(([label, values]) => [label, values.map(Math.round)])),
    },
    null,
    2,
  ),
);
