import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  comparePositions,
  formatKurrentCheckpoint,
  laterPosition,
  parseKurrentCheckpoint,
} from './checkpoint';

const at = (commit: bigint, prepare = commit) => ({ commit, prepare });

describe('KurrentDB checkpoints', () => {
  it('formats commit and prepare positions zero-padded to 20 digits each', () => {
    assert.equal(formatKurrentCheckpoint(at(12345n, 12300n)), '00000000000000012345:00000000000000012300');
    assert.equal(formatKurrentCheckpoint(at(2n ** 64n - 1n)), '18446744073709551615:18446744073709551615');
  });

  it('parses what it formats, and the empty checkpoint as the start of the log', () => {
    for (const position of [at(0n), at(1n, 0n), at(987654321n, 987654000n), at(2n ** 64n - 1n)]) {
      assert.deepEqual(parseKurrentCheckpoint(formatKurrentCheckpoint(position)), position);
    }
    assert.equal(parseKurrentCheckpoint(''), undefined);
    assert.equal(parseKurrentCheckpoint(undefined), undefined);
  });

  it('orders as plain strings exactly as the log orders positions', () => {
    const positions = [
      at(0n),
      at(9n),
      at(10n),
      at(10n, 11n),
      at(99999n),
      at(100000n, 3n),
      at(2n ** 53n + 1n),
      at(2n ** 63n),
    ];
    const shuffled = [...positions].reverse();
    const byString = [...shuffled].sort((a, b) => {
      const [x, y] = [formatKurrentCheckpoint(a), formatKurrentCheckpoint(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    assert.deepEqual(byString, positions);
    assert.deepEqual([...shuffled].sort(comparePositions), positions);
    assert.ok('' < formatKurrentCheckpoint(at(0n)), 'the start of the log sorts first');
  });

  it('rejects checkpoints of other shapes, including numbers past 64 bits', () => {
    for (const bad of [
      '12',
      'a:b',
      '1:2:3',
      '00000000000000000001-00000000000000000002',
      '18446744073709551616:0',
    ]) {
      assert.throws(() => parseKurrentCheckpoint(bad), TypeError, bad);
    }
    assert.throws(() => formatKurrentCheckpoint(at(-1n)), RangeError);
  });

  it('picks the later position, treating undefined as the start', () => {
    assert.deepEqual(laterPosition(at(5n), at(7n)), at(7n));
    assert.deepEqual(laterPosition(at(7n, 8n), at(7n, 2n)), at(7n, 8n));
    assert.deepEqual(laterPosition(undefined, at(1n)), at(1n));
    assert.equal(laterPosition(undefined, undefined), undefined);
  });
});
