import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, type OpenedDatabase } from '../../projections/testing';
import { startOfLog } from '../ports/event-store';
import { integrationHeaders, type IntegrationBus } from '../ports/integration-bus';
import { databaseDrivers } from '../testing';
import { IntegrationRelay } from './integration-relay';
import type { IntegrationRelayOptions } from './relay-options';
import { busesUnderTest, consumeRelayed, eventOf, FlakyBus, newEvent, uniqueId } from './relay-test-support';

const fast: IntegrationRelayOptions = {
  pollIntervalMs: 100,
  standbyRetryMs: 50,
  retryInitialDelayMs: 5,
  retryMaxDelayMs: 20,
};

for (const driver of databaseDrivers) {
  for (const busUnderTest of busesUnderTest) {
    describe(`IntegrationRelay: ${driver.name} event store, ${busUnderTest.name}`, () => {
      let db: OpenedDatabase;
      let bus: IntegrationBus;
      before(async () => {
        db = await driver.open();
        bus = await busUnderTest.open(db.sql);
      });
      after(async () => {
        await bus.close();
        await db.close();
      });
      const relayOf = (options: IntegrationRelayOptions, relayBus: IntegrationBus = bus) =>
        new IntegrationRelay(
          { store: db.store, sql: db.sql, bus: relayBus },
          { ...fast, name: `relay-${uniqueId()}`, topicPrefix: `test.${uniqueId()}.`, ...options },
        );

      it('publishes every relayed event in stream order, to its topic, keyed by stream, with headers', async () => {
        const id = uniqueId();
        const [booking, payment, catalog, zone] = ['booking', 'payment', 'event', 'zone'].map(
          (c) => `${c}-${id}`,
        );
        const traced = { correlationId: 'corr-1', causationId: '', traceparent: '00-abc-def-01' };
        await db.store.append(booking!, [
          newEvent('BookingReserved', { n: 0 }, traced),
          newEvent('BookingPaid', { n: 1 }),
        ]);
        await db.store.append(zone!, [newEvent('ZoneOpened', { n: 0 })]);
        await db.store.append(payment!, [
          newEvent('PaymentRequested', { n: 0 }),
          newEvent('PaymentSucceeded', { n: 1 }),
        ]);
        await db.store.append(catalog!, [newEvent('EventPublished', { n: 0 })]);
        await db.store.append(booking!, [newEvent('BookingConfirmed', { n: 2 })]);
        const relay = relayOf({ batchSize: 2 });
        const prefix = relay.topicPrefix;
        const { inbox, subscription } = await consumeRelayed(bus, prefix);
        const ours = () => inbox.received.filter((m) => m.key.endsWith(id));
        try {
          await relay.start();
          await relay.waitForCaughtUp();
          await inbox.until(() => ours().length >= 6, 'six relayed events');
          await db.store.append(booking!, [newEvent('BookingCheckedIn', { n: 3 })]);
          await inbox.until(() => ours().length >= 7, 'the event appended while live');

          const byStream = (streamId: string) => ours().filter((m) => m.key === streamId);
          assert.deepEqual(
            byStream(booking!).map((m) => eventOf(m).data.n),
            [0, 1, 2, 3],
          );
          assert.deepEqual(
            byStream(payment!).map((m) => eventOf(m).revision),
            [0, 1],
          );
          assert.equal(byStream(zone!).length, 0, 'zone events stay inside');
          assert.ok(byStream(booking!).every((m) => m.topic === `${prefix}bookings`));
          assert.ok(byStream(payment!).every((m) => m.topic === `${prefix}payments`));
          assert.ok(byStream(catalog!).every((m) => m.topic === `${prefix}catalog`));

          const [first] = byStream(booking!);
          const recorded = (await db.store.readStream(booking!))[0]!;
          assert.deepEqual(first!.headers, {
            [integrationHeaders.eventId]: recorded.id,
            [integrationHeaders.eventType]: 'BookingReserved',
            [integrationHeaders.streamId]: booking,
            [integrationHeaders.correlationId]: 'corr-1',
            [integrationHeaders.traceparent]: '00-abc-def-01',
          });
          assert.deepEqual(eventOf(first!), {
            eventId: recorded.id,
            type: 'BookingReserved',
            streamId: booking,
            revision: 0,
            position: recorded.position,
            data: { n: 0 },
            metadata: recorded.metadata,
            createdAt: recorded.createdAt.toISOString(),
          });
          await relay.waitForCaughtUp();
          const status = await relay.status();
          assert.equal(status.state, 'active');
          assert.equal(status.lag, 0);
        } finally {
          await subscription.stop();
          await relay.stop();
        }
      });

      it('loses nothing when a relay stops mid-way and another takes over', async () => {
        const id = uniqueId();
        const streams = [0, 1, 2, 3].map((i) => `booking-${id}${i}`);
        for (let n = 0; n < 10; n += 1) {
          for (const stream of streams) await db.store.append(stream, [newEvent('Step', { n })]);
        }
        const counting = new FlakyBus(bus);
        const first = relayOf({ batchSize: 5 }, counting);
        const name = first.name;
        const prefix = first.topicPrefix;
        try {
          await first.start();
          await counting.publishCall(3);
        } finally {
          await first.stop();
        }
        const stoppedAt = await first.status();
        assert.ok(stoppedAt.lag > 0, 'stopped before the end of the log');
        for (const stream of streams) await db.store.append(stream, [newEvent('Step', { n: 10 })]);

        const second = relayOf({ name, topicPrefix: prefix, batchSize: 5 });
        const { inbox, subscription } = await consumeRelayed(bus, prefix);
        try {
          await second.start();
          await second.waitForCaughtUp();
          const expected = new Set<string>();
          for (const stream of streams)
            for (const event of await db.store.readStream(stream)) expected.add(event.id);
          const received = () =>
            new Set(inbox.received.map((m) => eventOf(m).eventId).filter((e) => expected.has(e)));
          await inbox.until(() => received().size === expected.size, 'every event at least once');
          for (const stream of streams) {
            const ns = inbox.received.filter((m) => m.key === stream).map((m) => eventOf(m).data.n);
            assert.deepEqual([...new Set(ns)], [...Array(11).keys()], `${stream} in order`);
          }
        } finally {
          await subscription.stop();
          await second.stop();
        }
      });

      it('keeps its checkpoint while the bus fails, retries, and catches up once it is back', async () => {
        const id = uniqueId();
        const stream = `payment-${id}`;
        await db.store.append(stream, [
          newEvent('PaymentRequested', { n: 0 }),
          newEvent('PaymentFailed', { n: 1 }),
        ]);
        const flaky = new FlakyBus(bus);
        flaky.failing = true;
        const relay = relayOf({}, flaky);
        const prefix = relay.topicPrefix;
        await relay.start();
        try {
          await flaky.publishCall(3);
          const failing = await relay.status();
          assert.equal(failing.state, 'failing');
          assert.equal(failing.lastError, 'bus down');
          assert.equal(failing.checkpoint, startOfLog);
          const [row] = await db.sql.query<{ checkpoint: string }>(
            'SELECT checkpoint FROM integration_relay_checkpoints WHERE name = $1',
            [relay.name],
          );
          assert.equal(row?.checkpoint, startOfLog, 'the stored checkpoint did not move');

          flaky.failing = false;
          await relay.waitForCaughtUp();
          const { inbox, subscription } = await consumeRelayed(bus, prefix);
          await inbox.until((all) => all.filter((m) => m.key === stream).length === 2, 'both payment events');
          await subscription.stop();
          assert.equal((await relay.status()).state, 'active');
        } finally {
          await relay.stop();
        }
      });

      it('runs one active instance of a relay; a standby takes over when it stops', async () => {
        const other = await db.connect();
        const first = relayOf({});
        const options = { name: first.name, topicPrefix: first.topicPrefix };
        const second = new IntegrationRelay(
          { store: other.store, sql: other.sql, bus },
          { ...fast, ...options },
        );
        try {
          await first.start();
          await second.start();
          assert.equal((await first.status()).state, 'active');
          assert.equal((await second.status()).state, 'standby');

          await first.stop();
          await eventually(async () => (await second.status()).state === 'active', 'standby takes over');
          const stream = `event-${uniqueId()}`;
          await db.store.append(stream, [newEvent('EventPublished', { n: 0 })]);
          await second.waitForCaughtUp();
          const { inbox, subscription } = await consumeRelayed(bus, options.topicPrefix);
          await inbox.until((all) => all.some((m) => m.key === stream), 'the event after the takeover');
          await subscription.stop();
        } finally {
          await second.stop();
          await first.stop();
          await other.close();
        }
      });
    });
  }
}
