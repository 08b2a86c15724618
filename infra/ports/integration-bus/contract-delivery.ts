import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Inbox, message, unique } from './contract-support';
import type { DeliveredMessage, IntegrationBus } from './integration-bus';

const byValue = (a: DeliveredMessage, b: DeliveredMessage) =>
  JSON.stringify(a.value) < JSON.stringify(b.value) ? -1 : 1;

/** Delivery: what arrives, in which order, to which groups and subscribers. */
export function describeDeliveryContract(busOf: () => IntegrationBus): void {
  it('delivers every published message with its key, value and headers', async () => {
    const bus = busOf();
    const topic = unique('deliver');
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
    const sent = [
      message(
        topic,
        'booking-1',
        { n: 1, nested: { seats: [1, 2] } },
        { 'event-id': 'e1', traceparent: 't1' },
      ),
      message(topic, 'booking-2', { n: 2, text: "O'Brien ✓" }, { 'event-id': 'e2' }),
      message(topic, 'booking-1', { n: 3 }, {}),
    ];
    await bus.publish(sent);
    const inbox = new Inbox();
    const subscription = await bus.subscribe({
      groupId: unique('g'),
      topics: [topic],
      handler: inbox.handler,
    });
    try {
      await inbox.count(sent.length);
      const received = [...inbox.received].sort(byValue);
      assert.deepEqual(
        received.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })),
        sent,
      );
      for (const delivered of received) {
        assert.ok(delivered.partition >= 0 && delivered.partition < 3, `partition ${delivered.partition}`);
        assert.match(delivered.offset, /^\d+$/);
      }
      assert.equal(received[0]!.partition, received[2]!.partition, 'one key, one partition');
    } finally {
      await subscription.stop();
    }
  });

  it('keeps the order of each key across many messages spread over partitions', async () => {
    const bus = busOf();
    const topic = unique('order');
    await bus.ensureTopics([{ name: topic, partitions: 4 }]);
    const inbox = new Inbox();
    const subscription = await bus.subscribe({
      groupId: unique('g'),
      topics: [topic],
      handler: inbox.handler,
    });
    const keys = Array.from({ length: 12 }, (_, i) => `stream-${i}`);
    const perKey = 25;
    try {
      for (let seq = 0; seq < perKey; seq += 5) {
        const batch = keys.flatMap((key) =>
          [0, 1, 2, 3, 4].map((step) => message(topic, key, { key, seq: seq + step })),
        );
        await bus.publish(batch);
      }
      await inbox.count(keys.length * perKey);
      for (const key of keys) {
        const seqs = inbox.received.filter((m) => m.key === key).map((m) => (m.value as { seq: number }).seq);
        assert.deepEqual(
          seqs,
          Array.from({ length: perKey }, (_, i) => i),
          `order of ${key}`,
        );
      }
      const partitions = new Set(inbox.received.map((m) => m.partition));
      assert.ok(partitions.size > 1, 'keys spread over several partitions');
    } finally {
      await subscription.stop();
    }
  });

  it('gives each consumer group every message', async () => {
    const bus = busOf();
    const topic = unique('groups');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const [first, second] = [new Inbox(), new Inbox()];
    const subscriptions = [
      await bus.subscribe({ groupId: unique('g1'), topics: [topic], handler: first.handler }),
      await bus.subscribe({ groupId: unique('g2'), topics: [topic], handler: second.handler }),
    ];
    try {
      await bus.publish(Array.from({ length: 10 }, (_, i) => message(topic, `k${i}`, { i })));
      await Promise.all([first.count(10), second.count(10)]);
      assert.deepEqual(
        first.received.sort(byValue).map((m) => m.value),
        second.received.sort(byValue).map((m) => m.value),
      );
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    }
  });

  it("shares a group's partitions between its subscribers without duplicates", async () => {
    const bus = busOf();
    const topic = unique('share');
    const groupId = unique('g');
    await bus.ensureTopics([{ name: topic, partitions: 4 }]);
    const all = new Inbox();
    const [first, second] = [new Inbox(), new Inbox()];
    const into = (own: Inbox) => async (delivered: DeliveredMessage) => {
      own.add(delivered);
      all.add(delivered);
    };
    const subscriptions = [
      await bus.subscribe({ groupId, topics: [topic], handler: into(first) }),
      await bus.subscribe({ groupId, topics: [topic], handler: into(second) }),
    ];
    try {
      const total = 40;
      await bus.publish(Array.from({ length: total }, (_, i) => message(topic, `key-${i}`, { i })));
      await all.until((received) => new Set(received.map((m) => m.key)).size === total, 'every key once');
      assert.equal(all.received.length, total, 'no message delivered twice');
      assert.ok(first.received.length > 0 && second.received.length > 0, 'both subscribers took a share');
      const partitionsOf = (inbox: Inbox) => new Set(inbox.received.map((m) => m.partition));
      for (const partition of partitionsOf(first)) {
        assert.ok(!partitionsOf(second).has(partition), `partition ${partition} has one owner`);
      }
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    }
  });

  it('creates topics idempotently, leaving existing ones as they are', async () => {
    const bus = busOf();
    const topic = unique('ensure');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    await bus.ensureTopics([
      { name: topic, partitions: 5 },
      { name: unique('other'), partitions: 1 },
    ]);
    const inbox = new Inbox();
    const subscription = await bus.subscribe({
      groupId: unique('g'),
      topics: [topic],
      handler: inbox.handler,
    });
    try {
      await bus.publish(Array.from({ length: 8 }, (_, i) => message(topic, `k${i}`, { i })));
      await inbox.count(8);
      assert.ok(
        inbox.received.every((m) => m.partition < 2),
        'still two partitions',
      );
    } finally {
      await subscription.stop();
    }
  });
}
