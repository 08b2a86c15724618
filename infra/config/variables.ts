import {
  bucketTable,
  integer,
  oneOf,
  optionalList,
  optionalText,
  optionalUrl,
  ratio,
  secret,
  text,
  type Variable,
} from './variable';

const postgresUrl = ['postgres:', 'postgresql:'];
const kurrentUrl = ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:'];
const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;
const email = (raw: string) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? undefined : 'must be an email address';
const password = (raw: string) =>
  raw.length >= 8 && raw.length <= 72 ? undefined : 'must be 8–72 characters';

/** Every variable the processes read, in README order. Blank values count as unset. */
export const variables = {
  PORT: integer('HTTP port; 0 picks a free one (tests)', 3000, 0, 65535),
  HOST: text('HTTP listen address', '0.0.0.0'),
  DATA_DIR: text('Where the embedded mode keeps its data (PGlite lives in `<DATA_DIR>/pglite`)', './.data'),
  LOG_LEVEL: oneOf('Lowest level written to the JSON log', 'info', ['error', 'warn', 'info', 'debug']),
  SERVICE_NAME: text('`service` field of every log line and the OpenTelemetry service name', 'booking-rush'),
  EVENT_STORE: oneOf('Event store adapter', 'pglite', ['pglite', 'postgres', 'kurrentdb']),
  SQL_DRIVER: oneOf('SQL adapter for read models, checkpoints and saga state', 'pglite', [
    'pglite',
    'postgres',
  ]),
  DATABASE_URL: optionalUrl(
    'PostgreSQL server; required when EVENT_STORE or SQL_DRIVER is `postgres`',
    postgresUrl,
  ),
  KURRENTDB_URL: optionalUrl(
    'KurrentDB/EventStoreDB connection string; required when EVENT_STORE=kurrentdb',
    kurrentUrl,
  ),
  ESDB_URL: optionalUrl('Alias of KURRENTDB_URL (set one of the two)', kurrentUrl),
  PG_POOL_MAX: integer('Connections per PostgreSQL pool', 10, 1, 1000),
  GROUP_COMMIT_MAX_BATCH: integer('Most stream appends one group-commit transaction takes', 500, 1, 100_000),
  GROUP_COMMIT_MAX_CONCURRENT: integer('Group-commit transactions in flight at once (1 on PGlite)', 2, 1, 64),
  PROJECTION_BATCH_SIZE: integer('Events a projector reads and applies per batch', 500, 1, 100_000),
  PROJECTION_POLL_MS: integer('How often an idle projector polls for new events (ms)', 500, 1, 3_600_000),
  RESERVATION_TTL_SECONDS: integer('How long a seat hold lasts before it expires', 600, 1, 86_400),
  API_WORKERS: integer(
    'Processes the `command-api` role runs (node:cluster, one port); above 1 needs Redis, a PostgreSQL server and JWT_SECRET',
    1,
    1,
    64,
  ),
  EXPIRY_SWEEP_INTERVAL_MS: integer(
    'How often the expiry sweeper returns the seats of lapsed holds (ms)',
    1000,
    10,
    60_000,
  ),
  EXPIRY_SWEEP_CONCURRENCY: integer(
    'BookingExpired appends the expiry sweeper keeps in flight at once (group commit batches them)',
    64,
    1,
    1000,
  ),
  WAITING_ROOM_TICK_MS: integer(
    'Time between two steps of the admission worker (records joins, shuffles, lets buyers in) (ms)',
    1000,
    50,
    60_000,
  ),
  WAITING_ROOM_STATUS_MAX_AGE_MS: integer(
    'How old the seats and buyers-inside counts in a queue status may be, and how often a long poll looks for changes (ms)',
    500,
    50,
    10_000,
  ),
  INVENTORY_REBUILD_SETTLE_MS: integer(
    'How long a zone rebuild waits, holds refused, for appends already in flight before reading the event store (ms)',
    1000,
    0,
    60_000,
  ),
  RATE_LIMITS: bucketTable(
    "Token bucket per user (per IP when anonymous) and endpoint, `name=limit/refillPerSecond,…`; `reserve` is per buyer and event, taken inside the inventory actor's one call; `queue-*-ip` are per client address",
    {
      reserve: { limit: 10, refillPerSecond: 1 },
      cancel: { limit: 10, refillPerSecond: 1 },
      pay: { limit: 10, refillPerSecond: 1 },
      'queue-join': { limit: 5, refillPerSecond: 0.1 },
      'queue-join-ip': { limit: 300, refillPerSecond: 20 },
      'queue-status': { limit: 30, refillPerSecond: 3 },
      'queue-status-ip': { limit: 3000, refillPerSecond: 500 },
    },
  ),
  HTTP_BODY_LIMIT_BYTES: integer('Largest JSON request body; larger answers 413', 1_048_576, 1, 104_857_600),
  TRUST_PROXY_HOPS: integer(
    'Reverse proxies in front of the API whose `X-Forwarded-For` names the client (login throttle, rate limits, audit ip); 0 trusts none',
    0,
    0,
    10,
  ),
  SERVED_OVER_TLS: oneOf(
    'Clients reach the service over HTTPS (TLS here or at a proxy in front): every answer then carries Strict-Transport-Security',
    'off',
    ['on', 'off'],
  ),
  API_RESPONSE_VALIDATION: oneOf(
    'Check every JSON answer of the API against its OpenAPI document; one that does not match becomes a 500 saying how (the test suites run with it on; it costs time per answer)',
    'off',
    ['on', 'off'],
  ),
  BOOTSTRAP_ADMIN_EMAIL: optionalText('Admin account ensured at start-up (set both or neither)', email),
  BOOTSTRAP_ADMIN_PASSWORD: secret(
    optionalText('Password of that admin account (8–72 characters)', password),
  ),
  DEMO_SEED: oneOf(
    'Create the demo organizer, buyer and on-sale event (README) when the store is empty at start-up',
    'on',
    ['on', 'off'],
  ),
  JWT_SECRET: secret(
    optionalText(
      'Key that signs access tokens (HS256, at least 32 characters); when unset, the embedded mode generates one in `<DATA_DIR>/jwt-secret` (mode 0600) and keeps it',
      (raw) => (raw.length >= 32 ? undefined : 'must be at least 32 characters'),
    ),
  ),
  SIGNUPS_PER_IP: integer(
    'Sign-ups one client address may attempt within 15 minutes (counted per process, like failed logins); the next answers 429 with Retry-After',
    20,
    1,
    1_000_000,
  ),
  ACCESS_TOKEN_REVOCATION_POLL_MS: integer(
    'With Redis: how often each API process reads the access tokens others revoked (logout, role change); until then another process may accept one (ms)',
    1000,
    10,
    60_000,
  ),
  REDIS_URL: optionalUrl(
    'Redis server (inventory, rate limits, idempotency keys, access-token revocations); in-process when unset and REDIS_CLUSTER_NODES is unset',
    ['redis:', 'rediss:'],
  ),
  REDIS_CLUSTER_NODES: optionalList(
    'Redis Cluster seed nodes `host:port,…` (the client finds the rest); instead of REDIS_URL, set one of the two',
    (item) => hostPort.test(item),
    'host:port',
  ),
  REDIS_KEY_PREFIX: text(
    'Prefix of every Redis key (several deployments or test runs may share one server)',
    'br:',
  ),
  KAFKA_BROKERS: optionalList(
    'Kafka brokers `host:port,…`; in-process bus when unset',
    (item) => hostPort.test(item),
    'host:port',
  ),
  KAFKA_TOPIC_PREFIX: text(
    'Prefix of the integration topics (`<prefix>bookings`, `payments`, `catalog`)',
    'booking-rush.',
  ),
  BUS_RETRY_ATTEMPTS: integer(
    'Handler attempts for one integration message before it goes to the dead-letter topic',
    5,
    1,
    100,
  ),
  BUS_RETRY_BASE_MS: integer(
    "First wait between a failing handler's attempts; doubles, with jitter (ms)",
    500,
    1,
    600_000,
  ),
  SAGA_EXPIRY_GRACE_MS: integer(
    "After a hold's expiry, how long before the booking saga's own timeout expires it, should the sweeper not have (ms)",
    5000,
    0,
    3_600_000,
  ),
  SAGA_COMMAND_LEASE_MS: integer(
    'How long a claimed saga command stays with its scheduler; one that died mid-command is retried after this (ms)',
    30_000,
    100,
    3_600_000,
  ),
  KAFKA_SESSION_TIMEOUT_MS: integer(
    'Kafka consumer session: a consumer silent this long (crashed) loses its partitions to the others (ms)',
    30_000,
    1000,
    600_000,
  ),
  SAGA_POLL_MS: integer(
    'Longest wait of the saga scheduler between looks for due commands (ms)',
    1000,
    10,
    600_000,
  ),
  PAYMENT_GATEWAY_LATENCY_MS: integer('Mock gateway: delay before every answer (ms)', 0, 0, 600_000),
  PAYMENT_GATEWAY_TIMEOUT_MS: integer(
    'How long the payment service waits for a gateway answer before it counts as a timeout (ms); four calls and their backoff stay within a Kafka session',
    3000,
    1,
    600_000,
  ),
  PAYMENT_RETRIES: integer(
    'Retries of a charge after a gateway error or timeout, before the payment fails',
    3,
    0,
    20,
  ),
  PAYMENT_RETRY_BASE_MS: integer(
    'First wait before a charge retry; doubles each time (1 s, 2 s, 4 s by default), with jitter (ms)',
    1000,
    1,
    600_000,
  ),
  SMTP_URL: optionalUrl(
    'Mail server the notifier sends through (`smtp://host:port`, `smtps://` for TLS); when unset, mails are only logged',
    ['smtp:', 'smtps:'],
  ),
  MAIL_FROM: text('Sender of the notification e-mails', 'Booking Rush <tickets@booking-rush.local>'),
  NOTIFICATION_RETRY_ATTEMPTS: integer(
    'Send attempts of one notification e-mail before it is marked `failed` (an admin may retry it)',
    5,
    1,
    100,
  ),
  NOTIFICATION_RETRY_BASE_MS: integer(
    'Wait before the second send attempt of a notification; doubles each time, with jitter (ms)',
    1000,
    1,
    3_600_000,
  ),
  NOTIFICATION_SWEEP_INTERVAL_MS: integer(
    'How often the notifier looks for notifications due for another attempt (ms)',
    1000,
    10,
    600_000,
  ),
  NOTIFICATION_CONCURRENCY: integer(
    'E-mails the notifier works on at once (per process): reads, rendering and the SMTP send',
    64,
    1,
    1000,
  ),
  SMTP_CONNECTIONS: integer('SMTP connections the notifier keeps open to `SMTP_URL`', 16, 1, 100),
  MONGO_URL: optionalUrl('MongoDB server (analytics, audit search, notifications); in-memory when unset', [
    'mongodb:',
    'mongodb+srv:',
  ]),
  OTEL_TRACES_SAMPLER_ARG: ratio(
    'Share of new traces sampled (parent-based: a sampled caller is always followed)',
    0.01,
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl('OTLP collector; tracing is off when unset', ['http:', 'https:']),
  METRICS: oneOf(
    'Serve `GET /metrics` (Prometheus text format) and record the series behind it (docs/observability.md); off records nothing',
    'on',
    ['on', 'off'],
  ),
  METRICS_BEARER_TOKEN: secret(
    optionalText(
      'When set, `GET /metrics` answers only a scraper presenting it as a bearer token (Prometheus `authorization` setting); 16 characters or more',
      (raw) => (raw.length >= 16 ? undefined : 'must be at least 16 characters'),
    ),
  ),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof variables;

export type VariableValues = {
  readonly [Name in VariableName]: (typeof variables)[Name] extends Variable<infer T> ? T : never;
};
