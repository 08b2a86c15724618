import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { seedCommitment, shuffledOrder } from './fair-order';

test('the commitment is the SHA-256 of the seed, so a revealed seed can be checked', () => {
  const seed = 'c0ffee';
  assert.equal(seedCommitment(seed), createHash('sha256').update(seed).digest('hex'));
  assert.notEqual(seedCommitment(seed), seedCommitment('c0ffef'));
});

test('the order depends on the seed and the people, not on the order they joined in', () => {
  const people = ['u3', 'u1', 'u2', 'u5', 'u4', 'u1'];
  const order = shuffledOrder(people, 'seed-1');
  assert.deepEqual([...order].sort(), ['u1', 'u2', 'u3', 'u4', 'u5'], 'everyone once');
  assert.deepEqual(shuffledOrder([...people].reverse(), 'seed-1'), order, 'join order does not matter');
  assert.deepEqual(shuffledOrder(people, 'seed-1'), order, 'recomputable');
  const others = ['seed-2', 'seed-3', 'seed-4'].map((seed) => shuffledOrder(people, seed).join());
  assert.ok(
    others.some((other) => other !== order.join()),
    'another seed, another order',
  );
  assert.deepEqual(shuffledOrder([], 'x'), []);
  assert.deepEqual(shuffledOrder(['only'], 'x'), ['only']);
});

test('every place is equally likely for every buyer (chi-square over 6,000 seeds)', () => {
  const people = ['a', 'b', 'c', 'd', 'e', 'f'];
  const seeds = 6000;
  const counts = people.map(() => people.map(() => 0));
  for (let run = 0; run < seeds; run += 1) {
    shuffledOrder(people, `seed-${run}`).forEach((person, place) => {
      counts[people.indexOf(person)]![place]! += 1;
    });
  }
  const expected = seeds / people.length;
  const chiSquare = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
  // 25 degrees of freedom ((6-1)²): the 0.999 quantile is 52.6; a fair shuffle stays under it but
  // for one run in a thousand, while a biased one (e.g. modulo or naive swaps) lands far above.
  assert.ok(chiSquare < 52.6, `chi-square ${chiSquare.toFixed(1)} over 25 degrees of freedom`);
  // Pairs too: a sort-by-random or a one-pass swap leaves some orders likelier than others.
  const orders = new Map<string, number>();
  for (let run = 0; run < seeds; run += 1) {
    const key = shuffledOrder(['a', 'b', 'c'], `pair-${run}`).join('');
    orders.set(key, (orders.get(key) ?? 0) + 1);
  }
  assert.equal(orders.size, 6, 'all six orders of three occur');
  const chiOrders = [...orders.values()].reduce((sum, n) => sum + (n - seeds / 6) ** 2 / (seeds / 6), 0);
  assert.ok(
    chiOrders < 20.5,
    `orders of three: chi-square ${chiOrders.toFixed(1)} over 5 degrees of freedom`,
  );
});
