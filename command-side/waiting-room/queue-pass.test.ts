import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueuePasses } from './queue-pass';

const passes = new QueuePasses('a-secret-of-enough-length');
const pass = { eventId: 'e1', userId: 'u1', seq: 42, expiresAt: 2_000 };
const expected = { eventId: 'e1', userId: 'u1', now: 1_000 };

test('a pass signed here checks out for its buyer and event until it expires', () => {
  const token = passes.sign(pass);
  assert.deepEqual(passes.check(token, expected), { ok: true, pass });
  assert.deepEqual(passes.check(token, { ...expected, now: 2_000 }), {
    ok: false,
    reason: 'QUEUE_PASS_EXPIRED',
  });
  // Without a time (the reservation path), expiry is the inventory actor's to judge.
  assert.deepEqual(passes.check(token, { eventId: 'e1', userId: 'u1' }), { ok: true, pass });
});

test('another buyer’s or another event’s pass is foreign', () => {
  const token = passes.sign(pass);
  assert.deepEqual(passes.check(token, { ...expected, userId: 'u2' }), {
    ok: false,
    reason: 'QUEUE_PASS_FOREIGN',
  });
  assert.deepEqual(passes.check(token, { ...expected, eventId: 'e2' }), {
    ok: false,
    reason: 'QUEUE_PASS_FOREIGN',
  });
});

test('a forged, altered or malformed pass is invalid', () => {
  const token = passes.sign(pass);
  const [prefix, , signature] = token.split('.');
  const altered = Buffer.from(JSON.stringify({ e: 'e1', u: 'u1', s: 1, x: 2_000 })).toString('base64url');
  for (const bad of [
    `${prefix}.${altered}.${signature}`,
    new QueuePasses('another-secret-of-enough-length').sign(pass),
    token.slice(0, -2),
    'qp1..',
    'nonsense',
    '',
    `${token}.extra`,
  ]) {
    assert.deepEqual(passes.check(bad, expected), { ok: false, reason: 'QUEUE_PASS_INVALID' }, bad);
  }
});
