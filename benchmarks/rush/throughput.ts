import { randomBytes } from 'node:crypto';
import { KafkaIntegrationBus } from '../../infra/integration-bus/kafka';
import { SqlIntegrationBus } from '../../infra/integration-bus/in-process';
import { IntegrationRelay, topicsFor } from '../../infra/integration-relay';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import type { Checkpoint, LogHead } from '../../infra/ports/event-store';
import type { IntegrationBus } from '../../infra/ports/integration-bus';
import { PgSqlClient } from '../../infra/sql';
import { ProjectionRunner, type SqlProjection } from '../../projections';
import { bookingSagaProjection } from '../../sagas/booking';
import { median } from '../shared';
import { cpuPercent, sampleCpu, type ProcessGroup } from '../load/cpu';
import { createDatabase, postgresPids } from '../load/services';
import { readOnlySqlProjection } from '../replay/projections-phase';
import { appendReservations } from './reservation-log';
import { deleteTopicsWithPrefix, servicePid, type RushServiceUrls } from './services';

export type ThroughputOptions = {
  /** Reservations appended to the log before the followers start from position 0. */
  readonly events: number;
  readonly runs: number;
  /** Events per batch: the product's default (`PROJECTION_BATCH_SIZE`, and the relay's 500). */
  readonly batchSize: number;
  readonly stamp: string;
  readonly log: (line: string) => void;
};

/** One follower absorbing the whole log from position 0. */
export type FollowerRun = {
  readonly eventsPerSecond: number;
  readonly seconds: number;
  /** CPU µs per log event: this process (the follower), PostgreSQL, Kafka when it is used. */
  readonly cpuMicrosecondsPerEvent: Record<string, number>;
};

export type ThroughputRun = {
  readonly logEvents: number;
  readonly appendEventsPerSecond: number;
  readonly followers: Record<string, FollowerRun>;
};

export type ThroughputResult = {
  readonly parameters: { events: number; runs: number; batchSize: number };
  readonly runs: readonly ThroughputRun[];
  /** Median events/s per follower over the runs. */
  readonly medianEventsPerSecond: Record<string, number>;
};

/** Names of the measured followers, in the order they run. */
export const throughputFollowers = [
  'baseline: read-only runner',
  'booking saga',
  'relay → Kafka',
  'relay → in-process bus',
  'relay → discarding bus',
] as const;
export type ThroughputFollower = (typeof throughputFollowers)[number];

/**
 * Per run, a fresh database with `events` reservations in its log; then each follower, alone, from
 * position 0 until it has processed the head: the booking saga (its projection runner, as the saga role
 * runs it), the relay to Kafka, to the in-process bus and to a bus that drops every message (what the
 * relay costs without a broker), and the baseline: a runner that reads the same log and only moves its
 * checkpoint (`benchmarks/replay`'s read-only projection).
 */
export async function runThroughput(
  urls: RushServiceUrls,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const runs: ThroughputRun[] = [];
  for (let run = 1; run <= options.runs; run++) {
    runs.push(await oneRun(urls, options, run));
  }
  const medianEventsPerSecond = Object.fromEntries(
    throughputFollowers.map((name) => [
      name,
      Math.round(median(runs.map((run) => run.followers[name]?.eventsPerSecond ?? Number.NaN))),
    ]),
  );
  return {
    parameters: { events: options.events, runs: options.runs, batchSize: options.batchSize },
    runs,
    medianEventsPerSecond,
  };
}

/** One follower's run: start it, resolve once it has processed `head`, stop it. */
type Follow = (head: Checkpoint) => Promise<void>;

async function oneRun(
  urls: RushServiceUrls,
  options: ThroughputOptions,
  run: number,
): Promise<ThroughputRun> {
  const tag = randomBytes(4).toString('hex');
  const database = await createDatabase(urls.postgres, `bench_rush_tp_${options.stamp}_${tag}`);
  const sql = new PgSqlClient({ connectionString: database.url, maxConnections: 6 });
  const topicPrefix = `bench-rush-tp-${tag}.`;
  let kafka: KafkaIntegrationBus | undefined;
  let store: PostgresEventStore | undefined;
  try {
    store = await PostgresEventStore.open(sql);
    const appended = await appendReservations(store, options.events);
    const head = await store.head();
    options.log(
      `throughput run ${run}: ${head.position} events in the log (appended at ${Math.round(options.events / appended.seconds)}/s)`,
    );
    kafka = await KafkaIntegrationBus.connect({ brokers: urls.kafkaBrokers });
    const sqlBus = await SqlIntegrationBus.open(sql);
    for (const bus of [kafka, sqlBus]) await bus.ensureTopics(topicsFor(topicPrefix));
    const runner =
      (projection: SqlProjection): Follow =>
      async (checkpoint) => {
        const follower = new ProjectionRunner(sql, store!, projection, {
          batchSize: options.batchSize,
          pollIntervalMs: 50,
        });
        try {
          await follower.start();
          await follower.waitFor(checkpoint, 30 * 60_000);
        } finally {
          await follower.stop();
        }
      };
    const relay =
      (bus: IntegrationBus, label: string): Follow =>
      async (checkpoint) => {
        const relayed = new IntegrationRelay(
          { store: store!, sql, bus },
          { name: `bench-relay-${label}-${tag}`, topicPrefix, batchSize: options.batchSize },
        );
        try {
          await relayed.start();
          await relayed.caughtUpTo(checkpoint, 30 * 60_000);
        } finally {
          await relayed.stop();
        }
      };
    const plan: Record<ThroughputFollower, { follow: Follow; kafka: boolean }> = {
      'baseline: read-only runner': { follow: runner(readOnlySqlProjection), kafka: false },
      'booking saga': { follow: runner(bookingSagaProjection({ expiryGraceMs: 5000 })), kafka: false },
      'relay → Kafka': { follow: relay(kafka, 'kafka'), kafka: true },
      'relay → in-process bus': { follow: relay(sqlBus, 'sql'), kafka: false },
      'relay → discarding bus': { follow: relay(discardingBus, 'discard'), kafka: false },
    };
    const groups = await cpuGroups(urls);
    const followers: Record<string, FollowerRun> = {};
    for (const name of throughputFollowers) {
      followers[name] = await timeFollower(head, groups(plan[name].kafka), plan[name].follow);
      options.log(`  ${name}: ${followers[name].eventsPerSecond.toLocaleString('en-US')} events/s`);
    }
    return {
      logEvents: head.position,
      appendEventsPerSecond: Math.round(options.events / appended.seconds),
      followers,
    };
  } finally {
    await kafka?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await sql.close();
    await database.drop().catch((error: unknown) => options.log(`drop ${database.name}: ${String(error)}`));
    await deleteTopicsWithPrefix(urls.kafkaBrokers, topicPrefix).catch(() => 0);
  }
}

/** CPU rows: this process (where the follower runs), the PostgreSQL server, Kafka when it is used. */
async function cpuGroups(urls: RushServiceUrls): Promise<(withKafka: boolean) => ProcessGroup[]> {
  const { postmaster } = await postgresPids(urls.postgres);
  const kafkaPid = await servicePid('kafka');
  return (withKafka) => [
    { name: 'follower (this process)', pids: () => [process.pid] },
    ...(postmaster ? [{ name: 'postgres (whole server)', tree: postmaster }] : []),
    ...(withKafka && kafkaPid ? [{ name: 'kafka', tree: kafkaPid }] : []),
  ];
}

/** Times one follower from its start until it has processed the head, with CPU µs per log event. */
async function timeFollower(head: LogHead, groups: ProcessGroup[], follow: Follow): Promise<FollowerRun> {
  const before = await sampleCpu(groups);
  await follow(head.checkpoint);
  const after = await sampleCpu(groups);
  const seconds = (after.at - before.at) / 1000;
  const cpu = cpuPercent(before, after, groups);
  return {
    eventsPerSecond: Math.round(head.position / seconds),
    seconds: Math.round(seconds * 1000) / 1000,
    cpuMicrosecondsPerEvent: Object.fromEntries(
      Object.entries(cpu).map(([group, percent]) => [
        group,
        Math.round((((percent / 100) * seconds * 1e6) / head.position) * 10) / 10,
      ]),
    ),
  };
}

/** A bus that acknowledges every message and keeps none: the relay's cost without a broker. */
const discardingBus: IntegrationBus = {
  ensureTopics: async () => {},
  publish: async () => {},
  subscribe: () => Promise.reject(new Error('the discarding bus has no subscribers')),
  listDeadLetters: async () => [],
  countDeadLetters: async () => 0,
  redriveDeadLetters: async () => 0,
  close: async () => {},
};
