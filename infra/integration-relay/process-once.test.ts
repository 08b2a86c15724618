import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseDrivers } from '../testing';
import { processOnce, processOnceInTransaction } from './process-once';

for (const driver of databaseDrivers) {
  describe(`processOnce: ${driver.name}`, () => {
    it('runs the work for a new event id and does nothing the second time', async () => {
      const db = await driver.open();
      try {
        let runs = 0;
        const work = async () => ++runs;
        assert.deepEqual(await processOnce(db.sql, 'mailer', 'event-1', work), {
          outcome: 'processed',
          value: 1,
        });
        assert.deepEqual(await processOnce(db.sql, 'mailer', 'event-1', work), {
          outcome: 'already-processed',
        });
        assert.equal(runs, 1);
        assert.equal((await processOnce(db.sql, 'analytics', 'event-1', work)).outcome, 'processed');
        assert.equal(runs, 2, 'another consumer processes the same event for itself');
      } finally {
        await db.close();
      }
    });

    it('does not record an event whose work failed, so a redelivery runs it again', async () => {
      const db = await driver.open();
      try {
        await assert.rejects(
          processOnce(db.sql, 'mailer', 'event-2', async () => {
            throw new Error('smtp down');
          }),
          /smtp down/,
        );
        assert.equal(
          (await processOnce(db.sql, 'mailer', 'event-2', async () => 'sent')).outcome,
          'processed',
        );
      } finally {
        await db.close();
      }
    });

    it('in a transaction, commits the work and the record together or neither', async () => {
      const db = await driver.open();
      try {
        await db.sql.exec('CREATE TABLE sent_mail (event_id text)');
        const send = (eventId: string, fail = false) =>
          processOnceInTransaction(db.sql, 'mailer', eventId, async (tx) => {
            await tx.query('INSERT INTO sent_mail (event_id) VALUES ($1)', [eventId]);
            if (fail) throw new Error('crashed after the insert');
          });
        await assert.rejects(send('event-3', true), /crashed/);
        assert.equal((await send('event-3')).outcome, 'processed');
        assert.equal((await send('event-3')).outcome, 'already-processed');
        const rows = await db.sql.query('SELECT event_id FROM sent_mail');
        assert.deepEqual(rows, [{ event_id: 'event-3' }]);
      } finally {
        await db.close();
      }
    });
  });
}
