import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Gate, Inbox, message, quickRetry, unique } from './contract-support';
import { deadLetterTopicOf, type DeliveredMessage, type IntegrationBus } from './integration-bus';

const valueOf = (delivered: DeliveredMessage) => (delivered.value as { name: string }).name;

/** Failures: retries, a subscriber dying mid-message, poison messages and their re-drive. */
export function describeFailureContract(busOf: () => IntegrationBus): void {
  it('retries a handler that threw, and commits the message only once it succeeded', async () => {
    const bus = busOf();
    const topic = unique('retry');
    const groupId = unique('g');
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const attempts: string[] = [];
    let failedOnce = false;
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      retry: quickRetry,
      handler: async (delivered) => {
        attempts.push(valueOf(delivered));
        if (valueOf(delivered) === 'flaky' && !failedOnce) {
          failedOnce = true;
          throw new Error('downstream hiccup');
        }
      },
    });
    await bus.publish(['before', 'flaky', 'after'].map((name) => message(topic, 'k', { name })));
    await waitUntil(() => attempts.includes('after'));
    await subscription.stop();
    assert.deepEqual(attempts, ['before', 'flaky', 'flaky', 'after']);

    const again = new Inbox();
    const resumed = await bus.subscribe({ groupId, topics: [topic], handler: again.handler });
    try {
      await bus.publish([message(topic, 'k', { name: 'marker' })]);
      await again.count(1);
      assert.deepEqual(again.received.map(valueOf), ['marker'], 'nothing handled was delivered again');
    } finally {
      await resumed.stop();
    }
  });

  it('gives a message whose subscriber stopped mid-handling to the next subscriber of the group', async () => {
    const bus = busOf();
    const topic = unique('crash');
    const groupId = unique('g');
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const inHand = new Gate();
    const dies = new Gate();
    const seen: string[] = [];
    const first = await bus.subscribe({
      groupId,
      topics: [topic],
      retry: quickRetry,
      handler: async (delivered) => {
        seen.push(valueOf(delivered));
        if (valueOf(delivered) !== 'interrupted') return;
        inHand.open();
        await dies.opened;
      },
    });
    await bus.publish(['done', 'interrupted', 'later'].map((name) => message(topic, 'k', { name })));
    await inHand.opened;
    const stopped = first.stop();
    dies.fail(new Error('the process died before this work finished'));
    await stopped;
    assert.deepEqual(seen, ['done', 'interrupted'], 'a stopping subscriber neither retries nor moves on');

    const inbox = new Inbox();
    const second = await bus.subscribe({ groupId, topics: [topic], handler: inbox.handler });
    try {
      await inbox.count(2);
      assert.deepEqual(inbox.received.map(valueOf), ['interrupted', 'later']);
    } finally {
      await second.stop();
    }
  });

  it('parks a poison message on the dead-letter topic with why it failed, and goes on', async () => {
    const bus = busOf();
    const topic = unique('poison');
    const groupId = unique('g');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const handled = new Inbox();
    let poisonAttempts = 0;
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      retry: quickRetry,
      handler: async (delivered) => {
        if (valueOf(delivered) === 'poison') {
          poisonAttempts += 1;
          throw new Error('cannot read field seats of poison');
        }
        handled.add(delivered);
      },
    });
    const poison = message(topic, 'k', { name: 'poison' }, { 'event-id': 'e-poison', 'event-type': 'Odd' });
    try {
      await bus.publish([
        message(topic, 'k', { name: 'before' }),
        poison,
        message(topic, 'k', { name: 'after' }),
      ]);
      await handled.count(2);
      assert.deepEqual(handled.received.map(valueOf), ['before', 'after']);
      assert.equal(poisonAttempts, quickRetry.attempts);

      const deadLetters = await bus.listDeadLetters(topic);
      assert.equal(deadLetters.length, 1);
      const [parked] = deadLetters;
      assert.equal(parked!.deadLetterTopic, deadLetterTopicOf(topic));
      assert.equal(parked!.originalTopic, topic);
      assert.equal(parked!.groupId, groupId);
      assert.match(parked!.error, /cannot read field seats of poison/);
      assert.ok(!Number.isNaN(Date.parse(parked!.failedAt)), `failedAt ${parked!.failedAt}`);
      assert.deepEqual(parked!.message, poison);
    } finally {
      await subscription.stop();
    }
  });

  it('re-drives dead letters to their original topic, where they are handled, and only once', async () => {
    const bus = busOf();
    const topic = unique('redrive');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    let healed = false;
    const handled = new Inbox();
    const subscription = await bus.subscribe({
      groupId: unique('g'),
      topics: [topic],
      retry: quickRetry,
      handler: async (delivered) => {
        if (!healed && valueOf(delivered).startsWith('poison')) throw new Error('not yet');
        handled.add(delivered);
      },
    });
    try {
      await bus.publish([
        message(topic, 'a', { name: 'poison-a' }, { 'event-id': 'ea' }),
        message(topic, 'b', { name: 'poison-b' }),
        message(topic, 'b', { name: 'fine' }),
      ]);
      await handled.count(1);
      await waitUntil(async () => (await bus.listDeadLetters(topic)).length === 2);
      assert.equal((await bus.listDeadLetters(topic, { limit: 1 })).length, 1);
      assert.equal(await bus.countDeadLetters(topic), 2);

      healed = true;
      assert.equal(await bus.redriveDeadLetters(topic), 2);
      await handled.count(3);
      const redriven = handled.received.filter((m) => valueOf(m).startsWith('poison'));
      assert.deepEqual(redriven.map(valueOf).sort(), ['poison-a', 'poison-b']);
      assert.deepEqual(redriven.find((m) => m.key === 'a')!.headers, { 'event-id': 'ea' });
      assert.deepEqual(await bus.listDeadLetters(topic), [], 're-driven letters are no longer listed');
      assert.equal(await bus.countDeadLetters(topic), 0, 're-driven letters are no longer counted');
      assert.equal(await bus.redriveDeadLetters(topic), 0, 'a second re-drive sends nothing');
    } finally {
      await subscription.stop();
    }
  });
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
