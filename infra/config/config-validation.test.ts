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

describe('loadConfig validation', () => {
  it('reports every bad variable together, each with its reason and value', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'verbose',
      EVENT_STORE: 'mysql',
      SQL_DRIVER: 'sqlite',
      PG_POOL_MAX: '0',
      GROUP_COMMIT_MAX_BATCH: '1.5',
      GROUP_COMMIT_MAX_CONCURRENT: '-1',
      PROJECTION_BATCH_SIZE: 'many',
      PROJECTION_POLL_MS: '0',
      RESERVATION_TTL_SECONDS: '1e3',
      HTTP_BODY_LIMIT_BYTES: '1mb',
      DATABASE_URL: 'mysql://u:hunter2@db/x',
      KURRENTDB_URL: 'http://esdb:2113',
      REDIS_URL: 'not a url',
      KAFKA_BROKERS: 'k1:9092,k2',
      MONGO_URL: 'postgres://db',
      OTEL_TRACES_SAMPLER_ARG: '1.5',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
      BOOTSTRAP_ADMIN_EMAIL: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'short',
      JWT_SECRET: 'too-short-secret',
    });
    assert.deepEqual(problems, [
      'PORT must be an integer 0–65535, got "abc"',
      'LOG_LEVEL must be one of error, warn, info, debug, got "verbose"',
      'EVENT_STORE must be one of pglite, postgres, kurrentdb, got "mysql"',
      'SQL_DRIVER must be one of pglite, postgres, got "sqlite"',
      'DATABASE_URL must be a URL starting with postgres:// or postgresql://, got "mysql://u:***@db/x"',
      'KURRENTDB_URL must be a URL starting with kurrentdb:// or kurrentdb+discover:// or esdb:// or esdb+discover://, got "http://esdb:2113"',
      'PG_POOL_MAX must be an integer 1–1000, got "0"',
      'GROUP_COMMIT_MAX_BATCH must be an integer 1–100000, got "1.5"',
      'GROUP_COMMIT_MAX_CONCURRENT must be an integer 1–64, got "-1"',
      'PROJECTION_BATCH_SIZE must be an integer 1–100000, got "many"',
      'PROJECTION_POLL_MS must be an integer 1–3600000, got "0"',
      'RESERVATION_TTL_SECONDS must be an integer 1–86400, got "1e3"',
      'HTTP_BODY_LIMIT_BYTES must be an integer 1–104857600, got "1mb"',
      'BOOTSTRAP_ADMIN_EMAIL must be an email address, got "admin"',
      'BOOTSTRAP_ADMIN_PASSWORD must be 8–72 characters, got (value hidden)',
      'JWT_SECRET must be at least 32 characters, got (value hidden)',
      'REDIS_URL must be a URL (redis:// or rediss://…), got "not a url"',
      'KAFKA_BROKERS must be a comma-separated list of host:port, got "k1:9092,k2"',
      'MONGO_URL must be a URL starting with mongodb:// or mongodb+srv://, got "postgres://db"',
      'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "1.5"',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be a URL starting with http:// or https://, got "collector:4318"',
    ]);
  });

  it('puts every problem in the one error message', () => {
    assert.throws(
      () => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' }),
      (error: Error) =>
        error.message.includes('PORT must be an integer 0–65535, got "70000"') &&
        error.message.includes('LOG_LEVEL must be one of'),
    );
  });

  it('requires DATABASE_URL when the event store or SQL driver is postgres', () => {
    assert.deepEqual(problemsOf({ EVENT_STORE: 'postgres' }), [
      'DATABASE_URL is required when EVENT_STORE=postgres',
    ]);
    assert.deepEqual(problemsOf({ SQL_DRIVER: 'postgres' }), [
      'DATABASE_URL is required when SQL_DRIVER=postgres',
    ]);
    assert.deepEqual(problemsOf({ EVENT_STORE: 'postgres', SQL_DRIVER: 'postgres', PORT: 'x' }), [
      'PORT must be an integer 0–65535, got "x"',
      'DATABASE_URL is required when EVENT_STORE=postgres or SQL_DRIVER=postgres',
    ]);
  });

  it('requires a KurrentDB address when EVENT_STORE=kurrentdb', () => {
    assert.deepEqual(problemsOf({ EVENT_STORE: 'kurrentdb' }), [
      'KURRENTDB_URL (or its alias ESDB_URL) is required when EVENT_STORE=kurrentdb',
    ]);
  });

  it('requires the bootstrap admin email and password together', () => {
    assert.deepEqual(problemsOf({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com' }), [
      'BOOTSTRAP_ADMIN_PASSWORD is required when BOOTSTRAP_ADMIN_EMAIL is set',
    ]);
    assert.deepEqual(problemsOf({ BOOTSTRAP_ADMIN_PASSWORD: 'long enough' }), [
      'BOOTSTRAP_ADMIN_EMAIL is required when BOOTSTRAP_ADMIN_PASSWORD is set',
    ]);
  });

  it('never echoes a password', () => {
    const problems = problemsOf({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.co', BOOTSTRAP_ADMIN_PASSWORD: 'pw' });
    assert.ok(problems.every((problem) => !problem.includes('"pw"')));
  });
});
