import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlClient } from './sql-client';

export type SqlClientFixture = {
  open(): Promise<SqlClient>;
  close(client: SqlClient): Promise<void>;
};

/** The SqlClient port's contract: pg and PGlite run this same suite. */
export function describeSqlClientContract(adapterName: string, fixture: SqlClientFixture): void {
  describe(`SqlClient contract: ${adapterName}`, () => {
    let sql: SqlClient;
    before(async () => {
      sql = await fixture.open();
      await sql.exec(
        'CREATE TABLE contract_items (id int PRIMARY KEY, doc jsonb, tags text[]); CREATE TABLE contract_log (n int)',
      );
    });
    after(async () => {
      await fixture.close(sql);
    });

    it('runs parameterised statements and returns rows with JSON, arrays and numbers intact', async () => {
      const doc = { name: "O'Brien <script>", n: [1, 2.5] };
      await sql.query('INSERT INTO contract_items (id, doc, tags) VALUES ($1, $2::jsonb, $3::text[])', [
        1,
        JSON.stringify(doc),
        ['a', 'b c'],
      ]);
      const rows = await sql.query<{ id: number; doc: unknown; tags: string[] }>(
        'SELECT id, doc, tags FROM contract_items WHERE id = $1',
        [1],
      );
      assert.deepEqual(rows, [{ id: 1, doc, tags: ['a', 'b c'] }]);
    });

    it('commits a transaction whose work resolves and rolls back one whose work throws', async () => {
      await sql.transaction(async (tx) => {
        await tx.query('INSERT INTO contract_log (n) VALUES ($1)', [1]);
      });
      await assert.rejects(
        sql.transaction(async (tx) => {
          await tx.query('INSERT INTO contract_log (n) VALUES ($1)', [2]);
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      const rows = await sql.query<{ n: number }>('SELECT n FROM contract_log ORDER BY n');
      assert.deepEqual(rows, [{ n: 1 }]);
    });

    it('hands a named lock to one holder at a time and frees it on release', async () => {
      const first = await sql.tryLock('contract:a');
      assert.ok(first);
      assert.equal(await sql.tryLock('contract:a'), null);
      const other = await sql.tryLock('contract:b');
      assert.ok(other, 'another name is an independent lock');
      await first.release();
      const again = await sql.tryLock('contract:a');
      assert.ok(again);
      await again.release();
      await other.release();
    });

    it('delivers notifications on a channel until unsubscribed', async () => {
      const received: string[] = [];
      let arrived!: () => void;
      const firstArrival = new Promise<void>((resolve) => (arrived = resolve));
      const unlisten = await sql.listen('contract_channel', (payload) => {
        received.push(payload);
        arrived();
      });
      await sql.query("SELECT pg_notify('contract_channel', 'hello')");
      await firstArrival;
      await unlisten();
      await sql.query("SELECT pg_notify('contract_channel', 'unheard')");
      await sql.query('SELECT 1');
      assert.deepEqual(received, ['hello']);
    });
  });
}
