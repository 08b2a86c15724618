import { ConfigError } from './config-error';
import { readVariables, type Env } from './read-variables';
import type { VariableValues } from './variables';

export type LogLevel = VariableValues['LOG_LEVEL'];
export type EventStoreKind = VariableValues['EVENT_STORE'];
export type SqlDriver = VariableValues['SQL_DRIVER'];

/**
 * Where the shared Redis lives: one server (`REDIS_URL`) or the seed nodes of a Redis Cluster
 * (`REDIS_CLUSTER_NODES`, `host:port` each).
 */
export type RedisTarget = { readonly url: string } | { readonly clusterNodes: readonly string[] };

/** The validated configuration of a process; every default comes from `variables.ts`. */
export type Config = {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly serviceName: string;
  readonly eventStore: EventStoreKind;
  readonly sqlDriver: SqlDriver;
  readonly databaseUrl: string | undefined;
  /** The KurrentDB connection string and the variable it came from (for error messages). */
  readonly kurrentDb: { readonly url: string; readonly variable: 'KURRENTDB_URL' | 'ESDB_URL' } | undefined;
  readonly pgPoolMax: number;
  readonly groupCommit: { readonly maxBatchSize: number; readonly maxConcurrentFlushes: number };
  readonly projections: { readonly batchSize: number; readonly pollMs: number };
  readonly reservationTtlSeconds: number;
  readonly expirySweepIntervalMs: number;
  readonly expirySweepConcurrency: number;
  readonly waitingRoom: { readonly tickMs: number; readonly statusMaxAgeMs: number };
  /** Processes of the `command-api` role (node:cluster). */
  readonly apiWorkers: number;
  readonly inventoryRebuildSettleMs: number;
  /** Token buckets of the command API, per endpoint. */
  readonly rateLimits: VariableValues['RATE_LIMITS'];
  readonly httpBodyLimitBytes: number;
  readonly trustProxyHops: number;
  /** Answers carry Strict-Transport-Security (SERVED_OVER_TLS). */
  readonly servedOverTls: boolean;
  readonly apiResponseValidation: boolean;
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
  /** Seed the demo accounts and event into an empty store at start-up. */
  readonly demoSeed: boolean;
  /** Signs access tokens; undefined lets the embedded mode keep its own in `<DATA_DIR>/jwt-secret`. */
  readonly jwtSecret: string | undefined;
  /** Sign-up attempts per client address within 15 minutes. */
  readonly signupsPerIp: number;
  /** How often a process reads the access tokens revoked by others (Redis only). */
  readonly accessTokenRevocationPollMs: number;
  /** Seat counters, rate limits and idempotency keys in Redis; in-process when undefined. */
  readonly redis: RedisTarget | undefined;
  readonly redisKeyPrefix: string;
  readonly kafkaBrokers: readonly string[] | undefined;
  /** Integration topics' prefix and how a failing consumer retries before dead-lettering. */
  readonly bus: {
    readonly topicPrefix: string;
    readonly retryAttempts: number;
    readonly retryBaseMs: number;
    readonly kafkaSessionTimeoutMs: number;
  };
  readonly saga: { readonly expiryGraceMs: number; readonly pollMs: number; readonly commandLeaseMs: number };
  readonly payments: {
    readonly gatewayLatencyMs: number;
    readonly gatewayTimeoutMs: number;
    readonly retries: number;
    readonly retryBaseMs: number;
  };
  /** E-mail: the mail server (log-only when undefined), the sender, and how failed sends retry. */
  readonly notifications: {
    readonly smtpUrl: string | undefined;
    readonly mailFrom: string;
    readonly retryAttempts: number;
    readonly retryBaseMs: number;
    readonly sweepIntervalMs: number;
    readonly concurrency: number;
    readonly smtpConnections: number;
  };
  readonly mongoUrl: string | undefined;
  readonly telemetry: { readonly samplerRatio: number; readonly otlpEndpoint: string | undefined };
  /** `GET /metrics` and the series behind it; the bearer token a scraper must present, when set. */
  readonly metrics: { readonly enabled: boolean; readonly bearerToken: string | undefined };
};

/** Rules that tie variables together: a choice that needs a server needs its address. */
function crossCheck(v: VariableValues): string[] {
  const problems: string[] = [];
  const needsPostgres: string[] = [];
  if (v.EVENT_STORE === 'postgres') needsPostgres.push('EVENT_STORE=postgres');
  if (v.SQL_DRIVER === 'postgres') needsPostgres.push('SQL_DRIVER=postgres');
  if (!v.DATABASE_URL && needsPostgres.length > 0) {
    problems.push(`DATABASE_URL is required when ${needsPostgres.join(' or ')}`);
  }
  if (v.EVENT_STORE === 'kurrentdb' && !v.KURRENTDB_URL && !v.ESDB_URL) {
    problems.push('KURRENTDB_URL (or its alias ESDB_URL) is required when EVENT_STORE=kurrentdb');
  }
  if (v.KURRENTDB_URL && v.ESDB_URL && v.KURRENTDB_URL !== v.ESDB_URL) {
    problems.push('ESDB_URL is an alias of KURRENTDB_URL and they differ; set only one');
  }
  if (v.BOOTSTRAP_ADMIN_EMAIL && !v.BOOTSTRAP_ADMIN_PASSWORD) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD is required when BOOTSTRAP_ADMIN_EMAIL is set');
  }
  if (v.BOOTSTRAP_ADMIN_PASSWORD && !v.BOOTSTRAP_ADMIN_EMAIL) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL is required when BOOTSTRAP_ADMIN_PASSWORD is set');
  }
  if (v.REDIS_URL && v.REDIS_CLUSTER_NODES) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES are both set; set only one (a server or a cluster)');
  }
  if (v.API_WORKERS > 1) {
    // In-process seat counters or an embedded database would each be one process's own: an oversell.
    if (!v.REDIS_URL && !v.REDIS_CLUSTER_NODES)
      problems.push(
        'API_WORKERS above 1 needs REDIS_URL or REDIS_CLUSTER_NODES (seat counters shared by every worker)',
      );
    if (v.EVENT_STORE === 'pglite' || v.SQL_DRIVER === 'pglite') {
      problems.push(
        'API_WORKERS above 1 needs EVENT_STORE and SQL_DRIVER on a server (postgres or kurrentdb)',
      );
    }
    if (!v.JWT_SECRET)
      problems.push('API_WORKERS above 1 needs JWT_SECRET (one signing key for every worker)');
  }
  return problems;
}

function redisOf(v: VariableValues): RedisTarget | undefined {
  if (v.REDIS_CLUSTER_NODES) return { clusterNodes: v.REDIS_CLUSTER_NODES };
  if (v.REDIS_URL) return { url: v.REDIS_URL };
  return undefined;
}

function kurrentDbOf(v: VariableValues): Config['kurrentDb'] {
  if (v.KURRENTDB_URL) return { url: v.KURRENTDB_URL, variable: 'KURRENTDB_URL' };
  if (v.ESDB_URL) return { url: v.ESDB_URL, variable: 'ESDB_URL' };
  return undefined;
}

/** Reads and validates the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const { values: v, problems } = readVariables(env);
  problems.push(...crossCheck(v));
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: v.DATA_DIR,
    logLevel: v.LOG_LEVEL,
    serviceName: v.SERVICE_NAME,
    eventStore: v.EVENT_STORE,
    sqlDriver: v.SQL_DRIVER,
    databaseUrl: v.DATABASE_URL,
    kurrentDb: kurrentDbOf(v),
    pgPoolMax: v.PG_POOL_MAX,
    groupCommit: {
      maxBatchSize: v.GROUP_COMMIT_MAX_BATCH,
      maxConcurrentFlushes: v.GROUP_COMMIT_MAX_CONCURRENT,
    },
    projections: { batchSize: v.PROJECTION_BATCH_SIZE, pollMs: v.PROJECTION_POLL_MS },
    reservationTtlSeconds: v.RESERVATION_TTL_SECONDS,
    expirySweepIntervalMs: v.EXPIRY_SWEEP_INTERVAL_MS,
    expirySweepConcurrency: v.EXPIRY_SWEEP_CONCURRENCY,
    waitingRoom: { tickMs: v.WAITING_ROOM_TICK_MS, statusMaxAgeMs: v.WAITING_ROOM_STATUS_MAX_AGE_MS },
    apiWorkers: v.API_WORKERS,
    inventoryRebuildSettleMs: v.INVENTORY_REBUILD_SETTLE_MS,
    rateLimits: v.RATE_LIMITS,
    httpBodyLimitBytes: v.HTTP_BODY_LIMIT_BYTES,
    trustProxyHops: v.TRUST_PROXY_HOPS,
    servedOverTls: v.SERVED_OVER_TLS === 'on',
    apiResponseValidation: v.API_RESPONSE_VALIDATION === 'on',
    bootstrapAdmin:
      v.BOOTSTRAP_ADMIN_EMAIL && v.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: v.BOOTSTRAP_ADMIN_EMAIL, password: v.BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    demoSeed: v.DEMO_SEED === 'on',
    jwtSecret: v.JWT_SECRET,
    signupsPerIp: v.SIGNUPS_PER_IP,
    accessTokenRevocationPollMs: v.ACCESS_TOKEN_REVOCATION_POLL_MS,
    redis: redisOf(v),
    redisKeyPrefix: v.REDIS_KEY_PREFIX,
    kafkaBrokers: v.KAFKA_BROKERS,
    bus: {
      topicPrefix: v.KAFKA_TOPIC_PREFIX,
      retryAttempts: v.BUS_RETRY_ATTEMPTS,
      retryBaseMs: v.BUS_RETRY_BASE_MS,
      kafkaSessionTimeoutMs: v.KAFKA_SESSION_TIMEOUT_MS,
    },
    saga: {
      expiryGraceMs: v.SAGA_EXPIRY_GRACE_MS,
      pollMs: v.SAGA_POLL_MS,
      commandLeaseMs: v.SAGA_COMMAND_LEASE_MS,
    },
    payments: {
      gatewayLatencyMs: v.PAYMENT_GATEWAY_LATENCY_MS,
      gatewayTimeoutMs: v.PAYMENT_GATEWAY_TIMEOUT_MS,
      retries: v.PAYMENT_RETRIES,
      retryBaseMs: v.PAYMENT_RETRY_BASE_MS,
    },
    notifications: {
      smtpUrl: v.SMTP_URL,
      mailFrom: v.MAIL_FROM,
      retryAttempts: v.NOTIFICATION_RETRY_ATTEMPTS,
      retryBaseMs: v.NOTIFICATION_RETRY_BASE_MS,
      sweepIntervalMs: v.NOTIFICATION_SWEEP_INTERVAL_MS,
      concurrency: v.NOTIFICATION_CONCURRENCY,
      smtpConnections: v.SMTP_CONNECTIONS,
    },
    mongoUrl: v.MONGO_URL,
    telemetry: { samplerRatio: v.OTEL_TRACES_SAMPLER_ARG, otlpEndpoint: v.OTEL_EXPORTER_OTLP_ENDPOINT },
    metrics: { enabled: v.METRICS === 'on', bearerToken: v.METRICS_BEARER_TOKEN },
  };
}
