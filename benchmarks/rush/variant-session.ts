import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import type { DocumentStore } from '../../infra/ports/document-store';
import { PgSqlClient } from '../../infra/sql';
import type { ProcessGroup } from '../load/cpu';
import { createDatabase, type OwnDatabase } from '../load/services';
import { adminToken } from '../load/setup-event';
import type { LoadGeneratorName } from '../load/load-plan';
import { busGroups, kafkaBusReader, sqlBusReader, type BusReader } from './bus-groups';
import type { LoadTarget } from './measure-rush';
import { Probe } from './probe';
import { startVariant, stopAll, type RunningProcess } from './processes';
import { mongoDatabaseUrl, quietKafka, type RushServiceUrls } from './services';
import { cleanUp, cpuGroups, probeApplication, probeToken } from './variant-support';
import type { Variant } from './variants';

export type SessionOptions = {
  /** Where the processes' logs go (created). */
  readonly dir: string;
  readonly stamp: string;
  readonly redisUrl: string;
  /** The SMTP server every process mails through (the caller runs it). */
  readonly smtpUrl: string;
  readonly reservationTtlSeconds: number;
  /** More configuration for every process (e.g. `SAGA_EXPIRY_GRACE_MS`). */
  readonly extraEnv?: Readonly<Record<string, string>>;
  readonly sampleIntervalMs: number;
  /** How often the probe counts the saga's scheduled commands (its default: once a second). */
  readonly sagaCommandsEveryMs?: number;
  readonly log: (line: string) => void;
};

/** One variant running on databases of its own, with the probe sampling every follower. */
export type VariantSession = {
  readonly variant: Variant;
  /** Random hex: names the run's databases, topics, buyers and Redis keys. */
  readonly tag: string;
  readonly jwtSecret: string;
  readonly database: OwnDatabase;
  readonly processes: readonly RunningProcess[];
  /** The process serving the command API (and, in the `start` role, everything else). */
  readonly api: RunningProcess;
  /** A signed-in admin's access token (creates sales). */
  readonly adminToken: string;
  /** A day-long admin token for reads of the admin API (projections, notifications). */
  readonly readToken: string;
  /** The harness's own connections to the run's database (application name `probeApplication`). */
  readonly sql: PgSqlClient;
  readonly store: PostgresEventStore;
  /** The run's FerretDB database, when the variant keeps documents there. */
  readonly documents?: DocumentStore;
  readonly probe: Probe;
  /** Every event put on sale (their Redis keys are deleted at the end). */
  readonly sales: string[];
  /** The CPU table's rows, with the load generator of the moment as `generatorPid`. */
  readonly cpuGroups: (generatorPid: number) => ProcessGroup[];
  /** Stops the processes and the probe, drops the databases and topics, deletes the Redis keys. */
  close(): Promise<void>;
};

/** Where a variant's loads go, handing out buyer numbers so no two loads share a buyer. */
export function loadTargetOf(
  session: VariantSession,
  options: {
    readonly redisUrl: string;
    readonly connections: number;
    readonly timeoutSeconds: number;
    readonly generator: LoadGeneratorName;
  },
  dir: string,
): LoadTarget {
  let nextBuyer = 0;
  return {
    apiUrl: session.api.url,
    redisUrl: options.redisUrl,
    adminToken: session.adminToken,
    jwtSecret: session.jwtSecret,
    tag: session.tag,
    dir,
    servesQueries: session.variant.servesQueries,
    sales: session.sales,
    connections: options.connections,
    timeoutSeconds: options.timeoutSeconds,
    generator: options.generator,
    takeBuyers(count) {
      const first = nextBuyer;
      nextBuyer += count;
      return first;
    },
  };
}

const admin = { email: 'bench-admin@rush.example', password: randomBytes(12).toString('hex') };

/**
 * Starts a variant from scratch: a database (and FerretDB database, Kafka topic prefix) of its own,
 * the variant's processes, the harness's connections and the probe (sampling from now on). On a
 * failure, whatever was already started is stopped and dropped again.
 */
export async function openVariantSession(
  variant: Variant,
  urls: RushServiceUrls,
  options: SessionOptions,
): Promise<VariantSession> {
  const { log } = options;
  const tag = randomBytes(4).toString('hex');
  mkdirSync(options.dir, { recursive: true });
  const jwtSecret = randomBytes(32).toString('hex');
  const topicPrefix = `bench-rush-${tag}.`;
  const mongoUrl = mongoDatabaseUrl(urls.mongo, `bench_rush_${tag}`);
  const sales: string[] = [];
  let database: OwnDatabase | undefined;
  let processes: RunningProcess[] = [];
  let sql: PgSqlClient | undefined;
  let store: PostgresEventStore | undefined;
  let documents: DocumentStore | undefined;
  let bus: BusReader | undefined;
  let probe: Probe | undefined;
  const close = async () => {
    await probe?.stop();
    await stopAll(processes);
    await bus?.close().catch(() => undefined);
    await documents?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await sql?.close().catch(() => undefined);
    await cleanUp({ variant, urls, options, database, tag, topicPrefix, mongoUrl, events: sales });
  };
  try {
    database = await createDatabase(urls.postgres, `bench_rush_${options.stamp}_${tag}`);
    log(`${variant.name}: database ${database.name}, topics ${topicPrefix}*, tag ${tag}`);
    processes = await startVariant(
      variant,
      {
        databaseUrl: database.url,
        redisUrl: options.redisUrl,
        jwtSecret,
        admin,
        smtpUrl: options.smtpUrl,
        topicPrefix,
        kafkaBrokers: urls.kafkaBrokers,
        mongoUrl,
        reservationTtlSeconds: options.reservationTtlSeconds,
        ...(options.extraEnv ? { extraEnv: options.extraEnv } : {}),
      },
      options.dir,
    );
    log(`${variant.name}: ${processes.map((p) => `${p.spec.name} pid ${p.child.pid}`).join(', ')}`);
    const api = processes.find((process) => process.spec.api)!;
    const token = await adminToken(api.url, admin);
    const readToken = await probeToken(jwtSecret);

    sql = new PgSqlClient({
      connectionString: database.url,
      maxConnections: 4,
      applicationName: probeApplication,
    });
    store = await PostgresEventStore.open(sql);
    if (variant.documents === 'mongo') documents = await MongoDocumentStore.connect({ url: mongoUrl });
    if (variant.bus === 'kafka') {
      const kafkaAdmin = quietKafka(urls.kafkaBrokers).admin();
      await kafkaAdmin.connect();
      bus = kafkaBusReader(kafkaAdmin, topicPrefix);
    } else {
      bus = sqlBusReader(sql, topicPrefix);
    }
    probe = new Probe({
      sql,
      store,
      documents: documents
        ? { from: 'store', store: documents }
        : { from: 'admin-api', url: api.url, token: readToken },
      bus,
      groups: busGroups(topicPrefix),
      intervalMs: options.sampleIntervalMs,
      ...(options.sagaCommandsEveryMs === undefined
        ? {}
        : { sagaCommandsEveryMs: options.sagaCommandsEveryMs }),
    });
    probe.start();
    const groups = await cpuGroups(processes, urls, variant, sql, database.name);
    return {
      variant,
      tag,
      jwtSecret,
      database,
      processes,
      api,
      adminToken: token,
      readToken,
      sql,
      store,
      ...(documents ? { documents } : {}),
      probe,
      sales,
      cpuGroups: groups,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
