// A poison message on the payments topic: the payment service retries it, parks it on the dead-letter
// topic with the error and keeps processing the payments behind it; the CLI lists and re-drives it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../infra/cli';
import { KafkaIntegrationBus } from '../../infra/integration-bus/kafka';
import { integrationTopics } from '../../infra/integration-relay';
import { integrationHeaders } from '../../infra/ports/integration-bus';
import { openBookingApp, waitFor, type BookingApp } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { bookingWhen, cards, fastPayments, kafkaEnv, pay } from './support';

async function cli(app: BookingApp, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { out: (text) => void (out += text), err: (text) => void (err += text) },
    {
      ...app.env,
      LOG_LEVEL: 'error',
    },
  );
  return { code, out, err };
}

describe('a poison message on the payments topic (real Kafka)', () => {
  let app: BookingApp;
  let bus: KafkaIntegrationBus;
  before(async () => {
    app = await openBookingApp({ inventory: 'in-process', env: { ...kafkaEnv(), ...fastPayments } });
    bus = await KafkaIntegrationBus.connect({ brokers: [app.env.KAFKA_BROKERS!] });
  });
  after(async () => {
    await bus?.close();
    await app?.close();
  });

  it('is dead-lettered with its error while the payments behind it go through; the CLI lists and re-drives it', async () => {
    const topic = integrationTopics(app.env.KAFKA_TOPIC_PREFIX).payments;
    const poisonId = randomUUID();
    await bus.publish([
      {
        topic,
        key: `payment-${randomUUID()}`,
        value: { not: 'a relayed event' },
        headers: {
          [integrationHeaders.eventId]: poisonId,
          [integrationHeaders.eventType]: 'PaymentRequested',
        },
      },
    ]);
    const { event, zone } = await app.zoneOnSale({ capacity: 5 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    assert.equal((await pay(app, buyer, held.id, cards.succeeds)).status, 202);
    await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');

    // Both consumer groups of the topic (the payment service and the notifier) park it, once each.
    const parked = (out: string) => out.split('\n').filter((line) => line.includes(poisonId));
    let listed = await cli(app, 'dead-letters', 'list', 'payments');
    await waitFor(
      async () => parked((listed = await cli(app, 'dead-letters', 'list', 'payments')).out).length === 2,
    );
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(
      parked(listed.out)
        .map((line) => /group=(\S+)/.exec(line)?.[1])
        .sort(),
      ['notifier', 'payment-service'],
    );
    assert.match(listed.out, /2 dead letter\(s\)/);
    const firstOffset = listed.out.split(/\s+/)[0];

    const redriven = await cli(app, 'dead-letters', 'redrive', 'payments');
    assert.deepEqual([redriven.code, redriven.out.trim()], [0, `re-drove 2 dead letter(s) to ${topic}`]);
    // Still poison: it is tried again and parked again, as a new letter.
    await waitFor(async () => {
      const again = await cli(app, 'dead-letters', 'list', 'payments');
      return again.out.includes(poisonId) && again.out.split(/\s+/)[0] !== firstOffset;
    }, 20_000);

    const wrong = await cli(app, 'dead-letters', 'purge', 'payments');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /Unknown action "purge"/);
    await assertInventoryHolds(app, [event.id]);
  });
});
