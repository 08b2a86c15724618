import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './index';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.deepEqual(config, {
      port: 3000,
      host: '0.0.0.0',
      dataDir: './.data',
      logLevel: 'info',
      serviceName: 'booking-rush',
      eventStore: 'pglite',
      sqlDriver: 'pglite',
      databaseUrl: undefined,
      kurrentDb: undefined,
      pgPoolMax: 10,
      groupCommit: { maxBatchSize: 500, maxConcurrentFlushes: 2 },
      projections: { batchSize: 500, pollMs: 500 },
      reservationTtlSeconds: 600,
      expirySweepIntervalMs: 1000,
      expirySweepConcurrency: 64,
      waitingRoom: { tickMs: 1000, statusMaxAgeMs: 500 },
      apiWorkers: 1,
      inventoryRebuildSettleMs: 1000,
      rateLimits: {
        reserve: { limit: 10, refillPerSecond: 1 },
        cancel: { limit: 10, refillPerSecond: 1 },
        pay: { limit: 10, refillPerSecond: 1 },
        'queue-join': { limit: 5, refillPerSecond: 0.1 },
        'queue-join-ip': { limit: 300, refillPerSecond: 20 },
        'queue-status': { limit: 30, refillPerSecond: 3 },
        'queue-status-ip': { limit: 3000, refillPerSecond: 500 },
      },
      httpBodyLimitBytes: 1_048_576,
      trustProxyHops: 0,
      servedOverTls: false,
      apiResponseValidation: false,
      bootstrapAdmin: undefined,
      demoSeed: true,
      jwtSecret: undefined,
      signupsPerIp: 20,
      accessTokenRevocationPollMs: 1000,
      redis: undefined,
      redisKeyPrefix: 'br:',
      kafkaBrokers: undefined,
      bus: {
        topicPrefix: 'booking-rush.',
        retryAttempts: 5,
        retryBaseMs: 500,
        kafkaSessionTimeoutMs: 30_000,
      },
      saga: { expiryGraceMs: 5000, pollMs: 1000, commandLeaseMs: 30_000 },
      payments: { gatewayLatencyMs: 0, gatewayTimeoutMs: 3000, retries: 3, retryBaseMs: 1000 },
      notifications: {
        smtpUrl: undefined,
        mailFrom: 'Booking Rush <tickets@booking-rush.local>',
        retryAttempts: 5,
        retryBaseMs: 1000,
        sweepIntervalMs: 1000,
        concurrency: 64,
        smtpConnections: 16,
      },
      mongoUrl: undefined,
      telemetry: { samplerRatio: 0.01, otlpEndpoint: undefined },
      metrics: { enabled: true, bearerToken: undefined },
    });
  });

  it('reads every variable when set', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'debug',
      SERVICE_NAME: 'command-api',
      EVENT_STORE: 'postgres',
      SQL_DRIVER: 'postgres',
      DATABASE_URL: 'postgres://app:secret@db:5432/rush',
      PG_POOL_MAX: '25',
      GROUP_COMMIT_MAX_BATCH: '200',
      GROUP_COMMIT_MAX_CONCURRENT: '4',
      PROJECTION_BATCH_SIZE: '1000',
      PROJECTION_POLL_MS: '50',
      RESERVATION_TTL_SECONDS: '30',
      EXPIRY_SWEEP_INTERVAL_MS: '250',
      INVENTORY_REBUILD_SETTLE_MS: '0',
      RATE_LIMITS: 'reserve=100000/50000, pay=3/0.5',
      HTTP_BODY_LIMIT_BYTES: '2048',
      SERVED_OVER_TLS: 'on',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: 'correct horse',
      JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
      SIGNUPS_PER_IP: '3',
      ACCESS_TOKEN_REVOCATION_POLL_MS: '250',
      DEMO_SEED: 'off',
      REDIS_URL: 'redis://cache:6379',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      MONGO_URL: 'mongodb://mongo:27017/rush',
      SMTP_URL: 'smtp://mail:2525',
      MAIL_FROM: 'Tickets <t@example.com>',
      NOTIFICATION_RETRY_ATTEMPTS: '3',
      NOTIFICATION_RETRY_BASE_MS: '50',
      NOTIFICATION_SWEEP_INTERVAL_MS: '20',
      NOTIFICATION_CONCURRENCY: '8',
      SMTP_CONNECTIONS: '2',
      OTEL_TRACES_SAMPLER_ARG: '0.5',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    assert.equal(config.port, 0);
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.databaseUrl, 'postgres://app:secret@db:5432/rush');
    assert.deepEqual(config.groupCommit, { maxBatchSize: 200, maxConcurrentFlushes: 4 });
    assert.deepEqual(config.projections, { batchSize: 1000, pollMs: 50 });
    assert.deepEqual(config.bootstrapAdmin, { email: 'admin@example.com', password: 'correct horse' });
    assert.equal(config.demoSeed, false);
    assert.equal(config.servedOverTls, true);
    assert.deepEqual([config.expirySweepIntervalMs, config.inventoryRebuildSettleMs], [250, 0]);
    assert.deepEqual(config.rateLimits, {
      reserve: { limit: 100000, refillPerSecond: 50000 },
      cancel: { limit: 10, refillPerSecond: 1 },
      pay: { limit: 3, refillPerSecond: 0.5 },
      'queue-join': { limit: 5, refillPerSecond: 0.1 },
      'queue-join-ip': { limit: 300, refillPerSecond: 20 },
      'queue-status': { limit: 30, refillPerSecond: 3 },
      'queue-status-ip': { limit: 3000, refillPerSecond: 500 },
    });
    assert.equal(config.jwtSecret, 'a-secret-of-at-least-thirty-two-characters');
    assert.deepEqual([config.signupsPerIp, config.accessTokenRevocationPollMs], [3, 250]);
    assert.deepEqual(config.notifications, {
      smtpUrl: 'smtp://mail:2525',
      mailFrom: 'Tickets <t@example.com>',
      retryAttempts: 3,
      retryBaseMs: 50,
      sweepIntervalMs: 20,
      concurrency: 8,
      smtpConnections: 2,
    });
    assert.deepEqual(config.kafkaBrokers, ['k1:9092', 'k2:9092']);
    assert.deepEqual(config.redis, { url: 'redis://cache:6379' });
    assert.deepEqual(config.telemetry, { samplerRatio: 0.5, otlpEndpoint: 'http://collector:4318' });
  });

  it('refuses several API workers without shared seat counters and a database server', () => {
    assert.deepEqual(problemsOf({ API_WORKERS: '2' }), [
      'API_WORKERS above 1 needs REDIS_URL or REDIS_CLUSTER_NODES (seat counters shared by every worker)',
      'API_WORKERS above 1 needs EVENT_STORE and SQL_DRIVER on a server (postgres or kurrentdb)',
      'API_WORKERS above 1 needs JWT_SECRET (one signing key for every worker)',
    ]);
    const shared = {
      API_WORKERS: '2',
      REDIS_URL: 'redis://cache:6379',
      EVENT_STORE: 'postgres',
      SQL_DRIVER: 'postgres',
      DATABASE_URL: 'postgres://db/rush',
      JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    };
    assert.equal(loadConfig(shared).apiWorkers, 2);
    const { REDIS_URL: _server, ...onCluster } = shared;
    assert.equal(loadConfig({ ...onCluster, REDIS_CLUSTER_NODES: 'r1:6379' }).apiWorkers, 2);
  });

  it('points Redis at a cluster by its seed nodes, and refuses a server and a cluster at once', () => {
    assert.deepEqual(loadConfig({ REDIS_CLUSTER_NODES: 'r1:6379, 10.0.0.2:6380' }).redis, {
      clusterNodes: ['r1:6379', '10.0.0.2:6380'],
    });
    assert.deepEqual(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: 'r1:6379' }), [
      'REDIS_URL and REDIS_CLUSTER_NODES are both set; set only one (a server or a cluster)',
    ]);
    assert.deepEqual(problemsOf({ REDIS_CLUSTER_NODES: 'redis://r1:6379' }), [
      'REDIS_CLUSTER_NODES must be a comma-separated list of host:port, got "redis://r1:6379"',
    ]);
  });

  it('names the unknown endpoint or the bad shape in RATE_LIMITS', () => {
    assert.deepEqual(problemsOf({ RATE_LIMITS: 'reserv=5/1' }), [
      'RATE_LIMITS names an unknown endpoint "reserv" (known: reserve, cancel, pay, queue-join, queue-join-ip, queue-status, queue-status-ip), got "reserv=5/1"',
    ]);
    assert.deepEqual(problemsOf({ RATE_LIMITS: 'reserve=5' }), [
      'RATE_LIMITS must be a comma-separated list of name=limit/refillPerSecond, got "reserve=5"',
    ]);
    assert.deepEqual(problemsOf({ RATE_LIMITS: 'reserve=0/1' }), [
      'RATE_LIMITS reserve: limit must be 1–1000000000 and refillPerSecond above 0, got "reserve=0/1"',
    ]);
  });

  it('treats blank values as unset', () => {
    assert.equal(loadConfig({ PORT: '  ', REDIS_URL: '' }).port, 3000);
  });

  it('accepts ESDB_URL as an alias of KURRENTDB_URL', () => {
    const url = 'esdb://localhost:2113?tls=false';
    assert.deepEqual(loadConfig({ EVENT_STORE: 'kurrentdb', ESDB_URL: url }).kurrentDb, {
      url,
      variable: 'ESDB_URL',
    });
    const both = loadConfig({ EVENT_STORE: 'kurrentdb', ESDB_URL: url, KURRENTDB_URL: url });
    assert.deepEqual(both.kurrentDb, { url, variable: 'KURRENTDB_URL' });
    assert.deepEqual(problemsOf({ ESDB_URL: url, KURRENTDB_URL: 'kurrentdb://other:2113' }), [
      'ESDB_URL is an alias of KURRENTDB_URL and they differ; set only one',
    ]);
  });
});
