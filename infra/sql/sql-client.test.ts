import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSqlClientContract } from '../ports/sql/contract';
import type { SqlClient } from '../ports/sql';
import { createTestDatabase, type TestDatabase } from '../testing';
import { PGliteSqlClient } from './pglite/pglite-sql-client';

const databases = new Map<SqlClient, TestDatabase>();

describeSqlClientContract('pg', {
  async open() {
    const database = await createTestDatabase();
    databases.set(database.sql, database);
    return database.sql;
  },
  close: (sql) => databases.get(sql)!.drop(),
});

describeSqlClientContract('PGlite', {
  open: () => PGliteSqlClient.open(),
  close: (sql) => sql.close(),
});

describe('pg SqlClient when the server ends a session', () => {
  const terminate = (sql: SqlClient, pid: number) => sql.query('SELECT pg_terminate_backend($1)', [pid]);

  it('survives losing the connection that holds a lock, and the lock becomes free', async () => {
    const database = await createTestDatabase();
    try {
      const lock = await database.sql.tryLock('doomed');
      assert.ok(lock);
      const [holder] = await database.sql.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await terminate(database.sql, holder!.pid);
      let next = await database.sql.tryLock('doomed');
      while (!next) next = await database.sql.tryLock('doomed');
      await next.release();
      await lock.release();
    } finally {
      await database.drop();
    }
  });

  it('listens again after the listening connection is dropped', async () => {
    const database = await createTestDatabase();
    try {
      const payloads: string[] = [];
      let wake!: () => void;
      let woken = new Promise<void>((resolve) => (wake = resolve));
      const unlisten = await database.sql.listen('again', (payload) => {
        payloads.push(payload);
        wake();
      });
      const [listener] = await database.sql.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()",
      );
      await terminate(database.sql, listener!.pid);
      await woken; // the reconnect announces itself with an empty payload
      woken = new Promise<void>((resolve) => (wake = resolve));
      await database.sql.query("SELECT pg_notify('again', 'after')");
      await woken;
      assert.deepEqual(payloads, ['', 'after']);
      await unlisten();
    } finally {
      await database.drop();
    }
  });
});
