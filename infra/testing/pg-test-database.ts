import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgSqlClient } from '../sql';

/**
 * A fresh database on the test PostgreSQL server (started by `npm run services up`), dropped again by
 * `drop()`. Fails loudly when the server is not configured: tests never quietly skip a real server.
 */
export type TestDatabase = {
  readonly url: string;
  readonly sql: PgSqlClient;
  drop(): Promise<void>;
};

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: start the test servers with `npm run services up` and source .services/env, or run `npm test`',
    );
  }
  return url;
}

export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = new PgSqlClient({
    connectionString: url.toString(),
    maxConnections: options.maxConnections ?? 20,
  });
  return {
    url: url.toString(),
    sql,
    async drop() {
      await sql.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
