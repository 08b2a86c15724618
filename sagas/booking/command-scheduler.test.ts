import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { databaseDrivers } from '../../infra/testing';
import { executeSagaCommand } from './command-executor';
import { SagaCommandScheduler, type SchedulerOptions } from './command-scheduler';
import { SagaCommandStore } from './command-store';
import { eventIdsOf } from './message-ids';
import { bookingSagaStreamId } from './saga-events';
import { insertCommand, readCommand, readCommands, RecordingPorts, TestClock } from './testing';

const start = new Date('2030-03-01T10:00:00.000Z');
const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);
const options: SchedulerOptions = {
  pollMs: 5,
  leaseMs: 60_000,
  maxAttempts: 3,
  retryBaseMs: 1000,
  retryMaxMs: 60_000,
};
const timeout = 30_000;

type Setup = { sql: SqlClient; store: EventStore; clock: TestClock; ports: RecordingPorts };

function schedulerFor({ sql, store, clock, ports }: Setup, overrides: SchedulerOptions = {}) {
  return new SagaCommandScheduler(
    sql,
    { store, bookings: ports.bookings, payments: ports.payments, clock: clock.now },
    { ...options, ...overrides },
  );
}

/** Runs the scheduler until the ports saw `calls` calls in all; `stop()` lets the batch in flight finish. */
async function runUntilCalls(scheduler: SagaCommandScheduler, ports: RecordingPorts, calls: number) {
  await scheduler.start();
  try {
    await ports.waitForCalls(calls);
  } finally {
    await scheduler.stop();
  }
}

const expireHold = (bookingId = randomUUID()) => ({ type: 'ExpireHold', bookingId }) as const;

for (const driver of databaseDrivers) {
  describe(`saga command scheduler on ${driver.name}`, () => {
    async function withDatabase(test: (setup: Setup) => Promise<void>) {
      const db = await driver.open();
      try {
        await test({
          sql: db.sql,
          store: db.store,
          clock: new TestClock(start),
          ports: new RecordingPorts(),
        });
      } finally {
        await db.close();
      }
    }

    it(
      'runs a due command once and marks it done, and leaves a later one until the clock reaches it',
      {
        timeout,
      },
      () =>
        withDatabase(async (setup) => {
          const { sql, clock, ports } = setup;
          const due = await insertCommand(sql, expireHold(), at(0));
          const inHalfAMinute = await insertCommand(sql, expireHold(), at(30_000));
          const inAMinute = await insertCommand(sql, expireHold(), at(60_000));
          const scheduler = schedulerFor(setup);

          await runUntilCalls(scheduler, ports, 1);
          assert.deepEqual(
            ports.calls.map((call) => [call.port, call.bookingId]),
            [['expireIfDue', (await readCommand(sql, due)).sagaId]],
          );
          assert.deepEqual(
            [await readCommand(sql, due), await readCommand(sql, inAMinute)].map((row) => [
              row.status,
              row.attempts,
            ]),
            [
              ['done', 1],
              ['pending', 0],
            ],
          );

          clock.advance(30_000);
          await runUntilCalls(scheduler, ports, 2);
          assert.equal(ports.calls[1]?.bookingId, (await readCommand(sql, inHalfAMinute)).sagaId);
          assert.equal((await readCommand(sql, inAMinute)).attempts, 0, 'claimed before it was due');

          clock.advance(30_000);
          await runUntilCalls(scheduler, ports, 3);
          assert.equal(ports.calls[2]?.bookingId, (await readCommand(sql, inAMinute)).sagaId);
          assert.equal(ports.calls.length, 3);
          assert.deepEqual(
            (await readCommands(sql)).map((row) => row.status),
            ['done', 'done', 'done'],
          );
        }),
    );

    it(
      'retries a command that fails transiently with a doubling backoff, then fails it after the last attempt',
      {
        timeout,
      },
      () =>
        withDatabase(async (setup) => {
          const { sql, clock, ports } = setup;
          const bookingId = randomUUID();
          const messageId = await insertCommand(
            sql,
            {
              type: 'RequestCharge',
              bookingId,
              paymentId: randomUUID(),
              userId: 'customer-1',
              amount: 300000,
              currency: 'THB',
              card: { token: 'tok_test', last4: '4242', brand: 'visa' },
            },
            at(0),
          );
          ports.fail(bookingId, () => new Error('gateway timed out'));
          const scheduler = schedulerFor(setup);

          await runUntilCalls(scheduler, ports, 1);
          let row = await readCommand(sql, messageId);
          assert.deepEqual(
            [row.status, row.attempts, row.dueAt.toISOString(), row.lastError],
            ['pending', 1, at(1000).toISOString(), 'Error: gateway timed out'],
          );

          clock.advance(1000);
          await runUntilCalls(scheduler, ports, 2);
          row = await readCommand(sql, messageId);
          assert.deepEqual(
            [row.status, row.attempts, row.dueAt.toISOString()],
            ['pending', 2, at(1000 + 2000).toISOString()],
          );

          clock.advance(2000);
          await runUntilCalls(scheduler, ports, 3);
          row = await readCommand(sql, messageId);
          assert.deepEqual(
            [row.status, row.attempts, row.lastError],
            ['failed', 3, 'Error: gateway timed out'],
          );
          assert.deepEqual(
            ports.calls.map((call) => call.port),
            ['requestCharge', 'requestCharge', 'requestCharge'],
          );
        }),
    );

    it('fails a command at once when its target is not found', { timeout }, () =>
      withDatabase(async (setup) => {
        const { sql, ports } = setup;
        const command = expireHold();
        const messageId = await insertCommand(sql, command, at(0));
        ports.fail(command.bookingId, () => new AppError('NOT_FOUND', 'No such booking'));

        await runUntilCalls(schedulerFor(setup), ports, 1);
        const row = await readCommand(sql, messageId);
        assert.deepEqual(
          [row.status, row.attempts, row.lastError],
          ['failed', 1, 'AppError: No such booking'],
        );
      }),
    );

    it(
      'does not claim a command again while the lease of the scheduler that died with it lasts, and runs it after',
      {
        timeout,
      },
      () =>
        withDatabase(async (setup) => {
          const { sql, clock, ports } = setup;
          const orphan = await insertCommand(sql, expireHold(), at(0));
          const died = await new SagaCommandStore(sql).claimDue(clock.now(), 10, 60_000);
          assert.deepEqual(
            died.map((claimed) => claimed.messageId),
            [orphan],
          );
          // A command due now: once it ran, the scheduler has looked at the orphan too.
          const witness = await insertCommand(sql, expireHold(), at(0));
          const scheduler = schedulerFor(setup);

          clock.advance(59_999);
          await runUntilCalls(scheduler, ports, 1);
          assert.equal(ports.calls[0]?.bookingId, (await readCommand(sql, witness)).sagaId);
          const leased = await readCommand(sql, orphan);
          assert.deepEqual(
            [leased.status, leased.attempts],
            ['pending', 1],
            'claimed again inside its lease',
          );

          clock.advance(1);
          await runUntilCalls(scheduler, ports, 2);
          const row = await readCommand(sql, orphan);
          assert.equal(ports.calls[1]?.bookingId, row.sagaId);
          assert.deepEqual([row.status, row.attempts], ['done', 2]);
        }),
    );

    it(
      'starts two schedulers at once on a fresh database (one creates the table, the other waits for it)',
      {
        timeout,
        skip: driver.name !== 'PostgreSQL' && 'PGlite serves one connection: no two schedulers at once',
      },
      async () => {
        const db = await driver.open();
        const other = await db.connect();
        try {
          const clock = new TestClock(start);
          const ports = new RecordingPorts();
          const schedulers = [db, other].map(({ sql, store }) => schedulerFor({ sql, store, clock, ports }));
          const started = await Promise.allSettled(schedulers.map((scheduler) => scheduler.start()));
          assert.deepEqual(
            started.map((outcome) => outcome.status),
            ['fulfilled', 'fulfilled'],
          );
          await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
        } finally {
          await other.close();
          await db.close();
        }
      },
    );

    it(
      'lets two schedulers on one database share the due commands without running any twice',
      {
        timeout,
        skip: driver.name !== 'PostgreSQL' && 'PGlite serves one connection: no two schedulers at once',
      },
      async () => {
        const db = await driver.open();
        const other = await db.connect();
        try {
          const clock = new TestClock(start);
          const commands = Array.from({ length: 200 }, () => expireHold());
          for (const command of commands) await insertCommand(db.sql, command, at(0));

          const total = commands.length;
          const inFlight = new Set<string>();
          const overlaps: string[] = [];
          let calls = 0;
          let allCalled!: () => void;
          const allDone = new Promise<void>((resolve) => (allCalled = resolve));
          const firstCall = [0, 1].map(() => {
            let resolve!: () => void;
            const promise = new Promise<void>((r) => (resolve = r));
            return { promise, resolve };
          });
          const ports = [new RecordingPorts(), new RecordingPorts()] as const;
          ports.forEach((recording, index) => {
            recording.during = async ({ bookingId }) => {
              if (inFlight.has(bookingId)) overlaps.push(bookingId);
              inFlight.add(bookingId);
              calls += 1;
              if (calls === total) allCalled();
              // Hold each scheduler's calls open until the other one runs commands too.
              firstCall[index]!.resolve();
              await firstCall[1 - index]!.promise;
              await new Promise((resolve) => setImmediate(resolve));
              inFlight.delete(bookingId);
            };
          });
          const schedulers = [
            schedulerFor(
              { sql: db.sql, store: db.store, clock, ports: ports[0] },
              { batchSize: 10, concurrency: 4 },
            ),
            schedulerFor(
              { sql: other.sql, store: other.store, clock, ports: ports[1] },
              { batchSize: 10, concurrency: 4 },
            ),
          ];

          await Promise.all(schedulers.map((scheduler) => scheduler.start()));
          try {
            await allDone;
          } finally {
            await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
          }

          const called = [...ports[0].calls, ...ports[1].calls].map((call) => call.bookingId);
          assert.deepEqual(overlaps, []);
          assert.deepEqual(
            called.sort(),
            commands.map((command) => command.bookingId).sort(),
            'every command exactly once',
          );
          assert.ok(ports[0].calls.length > 0 && ports[1].calls.length > 0, 'both schedulers ran commands');
          assert.deepEqual(await schedulers[0]!.store.counts(), {
            pending: 0,
            done: 200,
            failed: 0,
            skipped: 0,
          });
        } finally {
          await other.close();
          await db.close();
        }
      },
    );

    it(
      'records a refused confirmation once in the saga stream, even when the confirm runs twice',
      {
        timeout,
      },
      () =>
        withDatabase(async (setup) => {
          const { sql, store, clock, ports } = setup;
          const bookingId = randomUUID();
          const paymentId = randomUUID();
          const messageId = await insertCommand(sql, { type: 'Confirm', bookingId, paymentId }, at(0));
          ports.confirmAnswer = { ok: false, reason: 'HOLD_EXPIRED' };

          // A scheduler ran the confirm and died before marking it done.
          const [claimed] = await new SagaCommandStore(sql).claimDue(clock.now(), 10, 60_000);
          await executeSagaCommand(
            { store, bookings: ports.bookings, payments: ports.payments, clock: clock.now },
            claimed!,
          );
          clock.advance(60_000);
          await runUntilCalls(schedulerFor(setup), ports, 2);

          assert.deepEqual(
            ports.calls.map((call) => call.port),
            ['confirm', 'confirm'],
          );
          const events = await store.readStream(bookingSagaStreamId(bookingId));
          assert.deepEqual(
            events.map((event) => [event.id, event.type, event.data]),
            [
              [
                eventIdsOf(messageId)(0),
                'ConfirmationRefused',
                { bookingId, paymentId, reason: 'HOLD_EXPIRED', refusedAt: at(0).toISOString() },
              ],
            ],
          );
          assert.equal((await readCommand(sql, messageId)).status, 'done');
        }),
    );
  });
}
