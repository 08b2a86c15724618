import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { describePaymentGatewayContract } from '../../ports/payment-gateway/contract';
import { GatewayTimeoutError, testCards, type PaymentGateway } from '../../ports/payment-gateway';
import type { SqlClient } from '../../ports/sql';
import { PgSqlClient, PGliteSqlClient } from '../../sql';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { MockPaymentGateway, readGatewayLedger } from './index';

const callTimeoutMs = 150;

type Database = { sql: SqlClient; connect(): SqlClient; close(): Promise<void> };
const databases: { name: string; open(): Promise<Database> }[] = [
  {
    name: 'PGlite',
    async open() {
      const sql = await PGliteSqlClient.open();
      return { sql, connect: () => sql, close: () => sql.close() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const db: TestDatabase = await createTestDatabase({ maxConnections: 10 });
      const others: SqlClient[] = [];
      return {
        sql: db.sql,
        connect() {
          const other = new PgSqlClient({ connectionString: db.url, maxConnections: 5 });
          others.push(other);
          return other;
        },
        async close() {
          for (const other of others) await other.close();
          await db.drop();
        },
      };
    },
  },
];

const charge = async (gateway: PaymentGateway, cardNumber: string, idempotencyKey = randomUUID()) => {
  const tokenized = await gateway.tokenize(cardNumber);
  assert.ok(tokenized.ok);
  return gateway.charge({ token: tokenized.card.token, amount: 4200, currency: 'THB', idempotencyKey });
};

for (const database of databases) {
  describe(`MockPaymentGateway on ${database.name}`, () => {
    let db: Database;
    before(async () => {
      db = await database.open();
    });
    after(() => db?.close());

    describePaymentGatewayContract(`mock on ${database.name}`, {
      callTimeoutMs,
      open: async () => ({
        gateway: await MockPaymentGateway.open(db.sql, { callTimeoutMs }),
        close: async () => {},
      }),
      countCharges: async (key) =>
        (await readGatewayLedger(db.sql)).charges.filter((c) => c.idempotencyKey === key).length,
      countRefunds: async (key) =>
        (await readGatewayLedger(db.sql)).refunds.filter((r) => r.idempotencyKey === key).length,
    });

    it('shares one ledger between gateways on the same database, as restarted or parallel processes', async () => {
      const first = await MockPaymentGateway.open(db.sql, { callTimeoutMs });
      const second = await MockPaymentGateway.open(db.connect(), { callTimeoutMs });
      const key = randomUUID();
      const tokenized = await first.tokenize(testCards.succeeds);
      assert.ok(tokenized.ok);
      const request = { token: tokenized.card.token, amount: 4200, currency: 'THB', idempotencyKey: key };
      const [a, b] = await Promise.all([first.charge(request), second.charge(request)]);
      assert.deepEqual(a, b);
      assert.equal(await second.countCharges(key), 1);
      const charged = (await first.ledger()).charges.find((c) => c.idempotencyKey === key);
      assert.deepEqual(charged && [charged.amount, charged.currency], [4200, 'THB']);
      assert.ok(a.outcome === 'succeeded');
      const refund = { chargeId: a.chargeId, amount: 4200, currency: 'THB', idempotencyKey: randomUUID() };
      const [r1, r2] = await Promise.all([first.refund(refund), second.refund(refund)]);
      assert.deepEqual(r1, r2);
      assert.equal(await first.countRefunds(refund.idempotencyKey), 1);
    });

    it('waits latencyMs before a charge answers (tokenising does not)', async () => {
      const slow = await MockPaymentGateway.open(db.sql, { latencyMs: 60, callTimeoutMs });
      const started = Date.now();
      assert.equal((await charge(slow, testCards.succeeds)).outcome, 'succeeded');
      assert.ok(Date.now() - started >= 55, 'the charge waited');
    });

    it('times out every call when its latency reaches the call timeout', async () => {
      const stuck = await MockPaymentGateway.open(db.sql, { latencyMs: 50, callTimeoutMs: 50 });
      const key = randomUUID();
      await assert.rejects(charge(stuck, testCards.succeeds, key), GatewayTimeoutError);
      assert.equal(await stuck.countCharges(key), 0);
    });
  });
}
