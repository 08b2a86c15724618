import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chargeRetryDelayMs, defaultChargeRetry, nameUuid, outcomeEventId, parseRelayedEvent } from './index';

describe('charge retry delays', () => {
  it('double from the base: 1 s, 2 s, 4 s by default, plus up to the jitter share', () => {
    const still = { ...defaultChargeRetry, random: () => 0 };
    assert.deepEqual(
      [1, 2, 3].map((retry) => chargeRetryDelayMs(retry, still)),
      [1000, 2000, 4000],
    );
    const most = { ...defaultChargeRetry, random: () => 0.5 };
    assert.deepEqual(
      [1, 2, 3].map((retry) => chargeRetryDelayMs(retry, most)),
      [1100, 2200, 4400],
    );
  });
});

describe('event ids', () => {
  it('are uuids named by their input: the same payment outcome always gets the same id', () => {
    assert.match(nameUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(outcomeEventId('p1', 'succeeded'), outcomeEventId('p1', 'succeeded'));
    assert.notEqual(outcomeEventId('p1', 'succeeded'), outcomeEventId('p1', 'failed'));
    assert.notEqual(outcomeEventId('p1', 'succeeded'), outcomeEventId('p2', 'succeeded'));
  });
});

describe('relayed events', () => {
  it('keeps the fields the relay publishes, with empty metadata when absent', () => {
    const value = { eventId: 'e', type: 'T', streamId: 'payment-1', revision: 0, data: { a: 1 } };
    assert.deepEqual(parseRelayedEvent(value), { ...value, metadata: {} });
  });

  it('refuses a value that is not one', () => {
    for (const bad of [
      null,
      'text',
      { type: 'T' },
      { eventId: 'e', type: 'T', streamId: 's', revision: '0', data: {} },
    ])
      assert.throws(() => parseRelayedEvent(bad), TypeError);
  });
});
