import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCountdown, formatCountdown, remainingMs, saleState } from './countdown';

describe('countdown', () => {
  const now = Date.parse('2030-01-01T10:00:00Z');

  it('counts the time left until a target and never goes below zero', () => {
    assert.equal(remainingMs('2030-01-01T10:10:00Z', now), 600_000);
    assert.equal(remainingMs('2030-01-01T09:59:00Z', now), 0);
    assert.equal(remainingMs('not a date', now), 0);
  });

  it('formats a ten-minute hold as a clock and rounds partial seconds up', () => {
    assert.equal(formatCountdown(600_000), '10:00');
    assert.equal(formatCountdown(599_001), '10:00');
    assert.equal(formatCountdown(65_000), '1:05');
    assert.equal(formatCountdown(999), '0:01');
    assert.equal(formatCountdown(0), '0:00');
  });

  it('shows hours and days for a sale that starts later', () => {
    assert.equal(formatCountdown(2 * 3_600_000 + 9 * 60_000 + 5_000), '2:09:05');
    assert.equal(formatCountdown(3 * 86_400_000 + 2 * 3_600_000 + 5_000), '3d 02:00:05');
  });

  it('describes the time in words for screen readers', () => {
    assert.equal(describeCountdown(545_000), '9 minutes 5 seconds');
    assert.equal(describeCountdown(86_400_000 + 1_000), '1 day 1 second');
    assert.equal(describeCountdown(0), '0 seconds');
  });

  it('tells an upcoming sale from an open and an ended one', () => {
    const sale = { saleStartsAt: '2030-01-01T11:00:00Z', saleEndsAt: '2030-01-02T00:00:00Z' };
    assert.equal(saleState(sale, now), 'upcoming');
    assert.equal(saleState(sale, Date.parse('2030-01-01T11:00:00Z')), 'open');
    assert.equal(saleState(sale, Date.parse('2030-01-02T00:00:00Z')), 'ended');
  });
});
