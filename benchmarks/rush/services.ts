import { readFile } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import type { SqlClient } from '../../infra/ports/sql';
import { repoRoot, servicesEnv } from '../load/services';

export type RushServiceUrls = {
  readonly postgres: string;
  readonly redis: string;
  readonly kafkaBrokers: readonly string[];
  readonly mongo: string;
};

/**
 * PostgreSQL, Redis, Kafka and FerretDB through the project's script (idempotent: servers already
 * running are left alone), their addresses from `.services/env`.
 */
export async function rushServicesUp(): Promise<RushServiceUrls> {
  const env = await servicesEnv(['postgres', 'redis', 'kafka', 'ferretdb']);
  const { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_KAFKA_BROKERS, TEST_MONGO_URL } = env;
  if (!TEST_DATABASE_URL || !TEST_REDIS_URL || !TEST_KAFKA_BROKERS || !TEST_MONGO_URL)
    throw new Error(
      '.services/env lacks one of TEST_DATABASE_URL, TEST_REDIS_URL, TEST_KAFKA_BROKERS, TEST_MONGO_URL',
    );
  return {
    postgres: TEST_DATABASE_URL,
    redis: TEST_REDIS_URL,
    kafkaBrokers: TEST_KAFKA_BROKERS.split(','),
    mongo: TEST_MONGO_URL,
  };
}

/** The pid a service's script recorded (`.services/run/<name>.pid`), for the CPU table. */
export async function servicePid(name: 'kafka' | 'ferretdb'): Promise<number | undefined> {
  const text = await readFile(`${repoRoot}.services/run/${name}.pid`, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** `mongodb://host:port/` with the database name as its path. */
export function mongoDatabaseUrl(mongoUrl: string, database: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A kafkajs client that logs nothing (the harness reports failures itself). */
export const quietKafka = (brokers: readonly string[]): Kafka =>
  new Kafka({ clientId: 'bench-rush', brokers: [...brokers], logLevel: logLevel.NOTHING });

/** Deletes every topic whose name starts with `prefix` (the run's integration and dead-letter topics). */
export async function deleteTopicsWithPrefix(brokers: readonly string[], prefix: string): Promise<number> {
  const admin = quietKafka(brokers).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    return topics.length;
  } finally {
    await admin.disconnect();
  }
}

/** The PostgreSQL backends serving a database, leaving out the harness's own (its probe). */
export async function productBackends(
  sql: SqlClient,
  database: string,
  ownApplication: string,
): Promise<number[]> {
  const rows = await sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2`,
    [database, ownApplication],
  );
  return rows.map((row) => row.pid);
}
