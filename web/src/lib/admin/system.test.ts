import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SystemFollower, TrafficWindow } from '../api/admin';
import {
  countNames,
  describeHealth,
  followerHealth,
  formatBytes,
  formatLagSeconds,
  formatLatency,
  formatRate,
  formatShare,
  formatUptime,
  redriveCommand,
} from './system';

const follower: SystemFollower = {
  name: 'bookings',
  phase: 'live',
  lagEvents: 0,
  lagSeconds: 0,
  failures: 0,
  recentFailures: 0,
  late: false,
  failing: false,
};

const window = (name: '1m' | '5m', rejections: TrafficWindow['rejections']): TrafficWindow => ({
  window: name,
  seconds: 60,
  requests: 0,
  requestsPerSecond: 0,
  clientErrors: 0,
  serverErrors: 0,
  serverErrorRatio: null,
  latencyP50Seconds: null,
  latencyP99Seconds: null,
  holds: 0,
  holdsPerSecond: 0,
  rejections,
  payments: [],
  notifications: [],
});

describe('system page helpers', () => {
  it('formats rates, shares and latencies, with a dash for what is not measured', () => {
    assert.equal(formatRate(null), '—');
    assert.equal(formatRate(0), '0/s');
    assert.equal(formatRate(0.0512), '0.05/s');
    assert.equal(formatRate(42.37), '42.4/s');
    assert.equal(formatRate(1234.4), '1,234/s');
    assert.equal(formatShare(null), '—');
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(0.0004), '<0.1%');
    assert.equal(formatShare(0.025), '2.5%');
    assert.equal(formatLatency(null), '—');
    assert.equal(formatLatency(0.00084), '0.8 ms');
    assert.equal(formatLatency(0.0452), '45 ms');
    assert.equal(formatLatency(1.254), '1.25 s');
  });

  it('formats memory, uptime and a follower’s lag in time', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(90_596_966), '86 MB');
    assert.equal(formatBytes(3 * 1024 * 1024 + 200_000), '3.2 MB');
    assert.equal(formatUptime(42.7), '42 s');
    assert.equal(formatUptime(3 * 3600 + 5 * 60 + 9), '3 h 5 min');
    assert.equal(formatUptime(2 * 86_400 + 4 * 3600), '2 d 4 h');
    assert.equal(formatLagSeconds(null), '—');
    assert.equal(formatLagSeconds(0), 'Up to date');
    assert.equal(formatLagSeconds(31.45), '31.5 s');
    assert.equal(formatLagSeconds(125), '2 min 5 s');
  });

  it('marks a failing follower before a late one, and says why in words', () => {
    assert.equal(followerHealth(follower), 'ok');
    const late = { ...follower, lagSeconds: 45, late: true };
    assert.equal(followerHealth(late), 'late');
    assert.equal(describeHealth(late, 30), 'More than 30 s behind');
    const failed = { ...late, phase: 'failed', failing: true };
    assert.equal(followerHealth(failed), 'failing');
    assert.equal(describeHealth(failed, 30), 'Failing');
    assert.equal(
      describeHealth({ ...follower, recentFailures: 2, failing: true }, 30),
      'Failing pages (last 5 min)',
    );
  });

  it('lists every reason of five minutes, most first, the last minute’s among them', () => {
    const minute = window('1m', [{ name: 'TICKET_LIMIT_EXCEEDED', count: 1 }]);
    const five = window('5m', [
      { name: 'INSUFFICIENT_SEATS', count: 40 },
      { name: 'TICKET_LIMIT_EXCEEDED', count: 3 },
    ]);
    assert.deepEqual(countNames(minute, five, 'rejections'), ['INSUFFICIENT_SEATS', 'TICKET_LIMIT_EXCEEDED']);
    assert.deepEqual(countNames(undefined, undefined, 'payments'), []);
  });

  it('names the command that re-drives a topic', () => {
    assert.equal(
      redriveCommand('booking-rush.payments'),
      'npm run cli -- dead-letters redrive booking-rush.payments',
    );
  });
});
