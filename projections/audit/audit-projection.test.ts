import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { InMemoryDocumentStore } from '../../infra/document-store/in-memory';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import type { DocumentStore } from '../../infra/ports/document-store';
import { applyInBatches, sequenced } from '../documents/testing';
import { auditProjection } from './audit-projection';
import { auditLogCollection, type AuditEntry } from './schema';
import { redacted } from '../../domain/shared';
import { bookingAndSignIn, bookingId, buyer, correlationId, mixedHistory, request, secrets } from './testing';

type Driver = { name: string; open(): Promise<DocumentStore> };

const drivers: Driver[] = [
  { name: 'in-memory', open: async () => new InMemoryDocumentStore() },
  {
    name: 'FerretDB (MongoDB wire protocol)',
    open: () => {
      const url = process.env.TEST_MONGO_URL;
      if (!url) throw new Error('TEST_MONGO_URL is not set: source .services/env (npm run services up)');
      return MongoDocumentStore.connect({ url, dbName: `audit_${randomBytes(5).toString('hex')}` });
    },
  },
];

async function withStore(driver: Driver, use: (store: DocumentStore) => Promise<void>): Promise<void> {
  const store = await driver.open();
  try {
    await use(store);
  } finally {
    await store.dropDatabase();
    await store.close();
  }
}

const everything = { sort: { position: 1 } } as const;

for (const driver of drivers) {
  describe(`audit projection on ${driver.name}`, () => {
    it('keeps one entry per event with who, what, when and the correlation chain', async () => {
      await withStore(driver, async (store) => {
        const history = bookingAndSignIn();
        const log = (await applyInBatches(auditProjection, store, history.events)).get<AuditEntry>(
          auditLogCollection,
        );
        const entries = await log.find({}, everything);
        assert.deepEqual(
          entries.map((entry) => entry._id),
          history.events.map((event) => event.id),
        );
        const [reserved, requested] = history.events;
        assert.deepEqual(entries[0], {
          _id: reserved!.id,
          at: reserved!.createdAt,
          position: 1,
          sequence: 1,
          streamId: `booking-${bookingId}`,
          revision: 0,
          category: 'booking',
          entity: { type: 'booking', id: bookingId },
          action: 'BookingReserved',
          actor: { kind: 'user', ...buyer },
          ...request,
          correlationId,
          causationId: null,
          traceparent: '00-abc-def-01',
          changes: reserved!.data,
        });
        assert.equal(entries[1]?.causationId, reserved!.id);
        assert.equal(entries[2]?.causationId, requested!.id);
      });
    });

    it('names the system as the actor of saga, sweeper and start-up events', async () => {
      await withStore(driver, async (store) => {
        const log = (await applyInBatches(auditProjection, store, mixedHistory(3).events)).get<AuditEntry>(
          auditLogCollection,
        );
        const actorOf = async (filter: Record<string, unknown>) => (await log.find(filter))[0]?.actor;
        assert.deepEqual(await actorOf({ action: 'SagaPaymentRequested' }), {
          kind: 'system',
          userId: 'system:booking-saga',
          name: 'booking-saga',
        });
        assert.deepEqual(await actorOf({ action: 'BookingExpired' }), {
          kind: 'system',
          userId: 'system:expiry-sweeper',
          name: 'expiry-sweeper',
        });
        assert.deepEqual(await actorOf({ action: 'EventCreated' }), {
          kind: 'system',
          userId: 'system:demo-seed',
          name: 'demo-seed',
        });
        assert.deepEqual(await actorOf({ action: 'RefreshTokenRotated' }), {
          kind: 'system',
          userId: 'system:unknown',
          name: 'unknown',
        });
      });
    });

    it('never stores a password hash, token, card token or card number', async () => {
      await withStore(driver, async (store) => {
        const log = (await applyInBatches(auditProjection, store, bookingAndSignIn().events)).get<AuditEntry>(
          auditLogCollection,
        );
        const entries = await log.find({}, everything);
        const stored = JSON.stringify(entries);
        for (const [name, secret] of Object.entries(secrets)) {
          assert.ok(!stored.includes(secret), `${name} was copied into the audit log`);
        }
        const changesOf = async (action: string) =>
          (await log.find({ action }))[0]?.changes as Record<string, unknown>;
        assert.equal((await changesOf('CredentialsCreated')).passwordHash, redacted);
        assert.equal((await changesOf('CredentialsCreated')).userId, 'u2', 'the rest is kept');
        assert.equal((await changesOf('SessionStarted')).tokenHash, redacted);
        assert.deepEqual((await changesOf('PaymentRequested')).card, {
          token: redacted,
          last4: '4242',
          brand: 'visa',
        });
        assert.equal((await changesOf('SagaPaymentRequested')).cardNumber, redacted);
        assert.equal(await log.count({ 'changes.passwordHash': secrets.passwordHash }), 0);
      });
    });

    it('finds a whole correlation chain: the buyer, the saga and the payment service', async () => {
      await withStore(driver, async (store) => {
        const log = (await applyInBatches(auditProjection, store, mixedHistory(10).events)).get<AuditEntry>(
          auditLogCollection,
        );
        const chain = await log.find({ correlationId }, { sort: { at: 1 } });
        assert.deepEqual(
          chain.map((entry) => [entry.action, entry.actor.userId]),
          [
            ['BookingReserved', buyer.userId],
            ['BookingPaymentRequested', buyer.userId],
            ['SagaPaymentRequested', 'system:booking-saga'],
            ['PaymentRequested', buyer.userId],
          ],
        );
        const byEntity = await log.find({ 'entity.type': 'booking', 'entity.id': 'mixed-4' });
        assert.deepEqual(byEntity.map((entry) => entry.action).sort(), [
          'BookingCancelled',
          'BookingReserved',
        ]);
      });
    });

    it('builds the same entries in batches of 1, 7 and 500, and a re-applied batch changes nothing', async () => {
      const history = mixedHistory(40);
      const built: AuditEntry[][] = [];
      for (const batchSize of [1, 7, 500]) {
        await withStore(driver, async (store) => {
          const collections = await applyInBatches(auditProjection, store, history.events, { batchSize });
          const log = collections.get<AuditEntry>(auditLogCollection);
          const entries = await log.find({}, everything);
          assert.equal(entries.length, history.events.length);
          // The runner re-applies an interrupted batch with exactly the same events.
          const all = sequenced(history.events);
          await auditProjection.apply(all.slice(20, 27), collections);
          await auditProjection.apply(all, collections);
          assert.deepEqual(await log.find({}, everything), entries);
          built.push(entries);
        });
      }
      assert.deepEqual(built[1], built[0]);
      assert.deepEqual(built[2], built[0]);
    });
  });
}
