import { join } from 'node:path';
import { announceToPrometheus } from '../shared';
import { freePort, startNodeChild, waitUntilReady, type Child } from '../load/child-process';
import type { ProcessSpec, Variant } from './variants';

export type RunningProcess = { readonly spec: ProcessSpec; readonly url: string; readonly child: Child };

/** How to take a started variant's processes off the test Prometheus's targets. */
const withdrawals = new WeakMap<readonly RunningProcess[], () => Promise<void>>();

export type ProcessEnvironment = {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly jwtSecret: string;
  readonly admin: { readonly email: string; readonly password: string };
  readonly smtpUrl: string;
  readonly topicPrefix: string;
  readonly kafkaBrokers: readonly string[];
  /** MongoDB URL with the run's own database; used when the variant keeps documents there. */
  readonly mongoUrl: string;
  readonly reservationTtlSeconds: number;
  /** More of the product's configuration for every process (a scenario's own settings). */
  readonly extraEnv?: Readonly<Record<string, string>>;
};

/** `BENCH_SERVER_<NAME>=value` in the benchmark's environment sets `<NAME>` for every process (experiments). */
function serverOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const prefix = 'BENCH_SERVER_';
  return Object.fromEntries(
    Object.entries(env)
      .filter(([name, value]) => name.startsWith(prefix) && value !== undefined)
      .map(([name, value]) => [name.slice(prefix.length), value!]),
  );
}

/** The product's configuration for one process of a variant (the load benchmark's, plus bus, documents and mail). */
function environmentOf(
  spec: ProcessSpec,
  variant: Variant,
  context: ProcessEnvironment,
  port: number,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    EVENT_STORE: 'postgres',
    SQL_DRIVER: 'postgres',
    DATABASE_URL: context.databaseUrl,
    REDIS_URL: context.redisUrl,
    JWT_SECRET: context.jwtSecret,
    DEMO_SEED: 'off',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    SERVICE_NAME: `booking-rush-${spec.name}`,
    RATE_LIMITS: 'reserve=1000000/1000000',
    RESERVATION_TTL_SECONDS: String(context.reservationTtlSeconds),
    SMTP_URL: context.smtpUrl,
    KAFKA_TOPIC_PREFIX: context.topicPrefix,
    ...(variant.bus === 'kafka' ? { KAFKA_BROKERS: context.kafkaBrokers.join(',') } : {}),
    ...(variant.documents === 'mongo' ? { MONGO_URL: context.mongoUrl } : {}),
    ...(spec.api
      ? { BOOTSTRAP_ADMIN_EMAIL: context.admin.email, BOOTSTRAP_ADMIN_PASSWORD: context.admin.password }
      : {}),
    ...context.extraEnv,
    ...serverOverrides(process.env),
  };
}

async function startOne(
  spec: ProcessSpec,
  variant: Variant,
  context: ProcessEnvironment,
  dir: string,
): Promise<RunningProcess> {
  const port = await freePort();
  const logFile = join(dir, `${spec.name}.log`);
  const child = startNodeChild(spec.entry, spec.args, {
    env: environmentOf(spec, variant, context, port),
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${url}/ready`, child, 120_000);
  } catch (error) {
    await child.stop(2000);
    throw new Error(`${spec.name} did not become ready (log: ${logFile})`, { cause: error });
  }
  return { spec, url, child };
}

/**
 * Starts a variant's processes: the API process first (it ensures the admin account and most
 * schemas), then the others side by side. On a failure, stops what already runs.
 */
export async function startVariant(
  variant: Variant,
  context: ProcessEnvironment,
  dir: string,
): Promise<RunningProcess[]> {
  const [first, ...rest] = [...variant.processes].sort((a, b) => Number(b.api) - Number(a.api));
  const running: RunningProcess[] = [];
  try {
    running.push(await startOne(first!, variant, context, dir));
    const others = await Promise.allSettled(rest.map((spec) => startOne(spec, variant, context, dir)));
    for (const outcome of others) if (outcome.status === 'fulfilled') running.push(outcome.value);
    const failed = others.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const withdraw = await announceToPrometheus(
      `rush-${variant.name}`,
      running.map((process) => ({ url: process.url, job: `booking-rush-${process.spec.name}` })),
      { variant: variant.name },
    );
    withdrawals.set(running, withdraw);
    return running;
  } catch (error) {
    await stopAll(running);
    throw error;
  }
}

/** SIGTERM to every process (the API last, so followers finish their batches first), then SIGKILL after 15 s. */
export async function stopAll(running: readonly RunningProcess[]): Promise<void> {
  await withdrawals.get(running)?.();
  const followers = running.filter((process) => !process.spec.api);
  await Promise.all(followers.map((process) => process.child.stop()));
  await Promise.all(running.filter((process) => process.spec.api).map((process) => process.child.stop()));
}
