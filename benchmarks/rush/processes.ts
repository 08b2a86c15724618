import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startNodeChild, waitUntilReady, type Child } from '../load/child-process';
import type { ProcessSpec, Variant } from './variants';

export type RunningProcess = { readonly spec: ProcessSpec; readonly url: string; readonly child: Child };

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

/** The test Prometheus's targets file of a variant (`services.sh up prometheus` exports the directory). */
const targetsFileOf = (variant: Variant): string | undefined => {
  const dir = process.env.PROMETHEUS_TARGETS_DIR;
  return dir ? join(dir, `rush-${variant.name}.json`) : undefined;
};

/**
 * Lets the test Prometheus scrape every process of the variant while it runs, each as the job of its
 * role (`booking-rush-<role>`), so the Grafana dashboards can be watched (or drawn) during a rush.
 */
async function announceToPrometheus(variant: Variant, running: readonly RunningProcess[]): Promise<void> {
  const file = targetsFileOf(variant);
  if (!file) return;
  const groups = running.map((process) => ({
    targets: [new URL(process.url).host],
    labels: { job: `booking-rush-${process.spec.name}`, variant: variant.name },
  }));
  // Written whole, then renamed: Prometheus never reads half a file.
  await writeFile(`${file}.tmp`, JSON.stringify(groups));
  await rename(`${file}.tmp`, file);
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
    await announceToPrometheus(variant, running);
    return running;
  } catch (error) {
    await stopAll(running, variant);
    throw error;
  }
}

/** SIGTERM to every process (the API last, so followers finish their batches first), then SIGKILL after 15 s. */
export async function stopAll(running: readonly RunningProcess[], variant?: Variant): Promise<void> {
  const targets = variant && targetsFileOf(variant);
  if (targets) await rm(targets, { force: true });
  const followers = running.filter((process) => !process.spec.api);
  await Promise.all(followers.map((process) => process.child.stop()));
  await Promise.all(running.filter((process) => process.spec.api).map((process) => process.child.stop()));
}
