import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Gate, Inbox } from '../../ports/integration-bus/contract-support';
import { describeIntegrationBusContract } from '../../ports/integration-bus/contract';
import { KafkaIntegrationBus } from './kafka-integration-bus';
import { fastConsumerTuning } from './kafka-options';
import { KafkaUnavailableError } from './kafka-unavailable';

function testBrokers(): string[] {
  const brokers = process.env.TEST_KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'TEST_KAFKA_BROKERS is not set: start the test servers with `npm run services up` and source .services/env, or run `npm test`',
    );
  }
  return brokers.split(',');
}

describeIntegrationBusContract('Kafka (kafkajs)', {
  open: () => KafkaIntegrationBus.connect({ brokers: testBrokers(), consumer: fastConsumerTuning }),
  close: (bus) => bus.close(),
});

describe('KafkaIntegrationBus', () => {
  it('fails fast naming KAFKA_BROKERS when no broker answers', async () => {
    const started = Date.now();
    await assert.rejects(
      KafkaIntegrationBus.connect({ brokers: ['127.0.0.1:1'], connectTimeoutMs: 2_000 }),
      (error: unknown) =>
        error instanceof KafkaUnavailableError && /KAFKA_BROKERS=127\.0\.0\.1:1/.test(error.message),
    );
    assert.ok(Date.now() - started < 5_000, 'gave up within seconds');
  });

  it('hands the message of a consumer that hangs (stops heartbeating) to another member of the group', async () => {
    // The group drops a member that does not rejoin within the rebalance timeout: keep it short here.
    const consumer = { ...fastConsumerTuning, rebalanceTimeoutMs: 2_000 };
    const bus = await KafkaIntegrationBus.connect({ brokers: testBrokers(), consumer });
    const topic = `kafka.hung.${randomBytes(4).toString('hex')}`;
    const groupId = `${topic}.g`;
    const hangs = new Gate();
    const inHand = new Gate();
    try {
      await bus.ensureTopics([{ name: topic, partitions: 1 }]);
      const hung = await bus.subscribe({
        groupId,
        topics: [topic],
        handler: async () => {
          inHand.open();
          await hangs.opened;
        },
      });
      await bus.publish([{ topic, key: 'k', value: { n: 1 }, headers: {} }]);
      await inHand.opened;
      const inbox = new Inbox();
      const healthy = await bus.subscribe({ groupId, topics: [topic], handler: inbox.handler });
      await inbox.count(1);
      assert.deepEqual(inbox.received[0]!.value, { n: 1 });
      hangs.open();
      await Promise.all([hung.stop(), healthy.stop()]);
    } finally {
      hangs.open();
      await bus.close();
    }
  });
});
