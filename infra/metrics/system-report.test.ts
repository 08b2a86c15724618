import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMetrics } from '../ports/metrics';
import type { TrafficWindow } from '../ports/system-status';
import { CounterHistory, snapshot } from './counter-history';
import { histogramQuantile } from './histogram-quantile';
import { PrometheusMetrics } from './prometheus-metrics';
import { SystemReport } from './system-report';

const quiet = { warn() {} };

/** A report over a fresh registry, on a clock the test moves; snapshots taken only when it says. */
function subject() {
  const metrics = new PrometheusMetrics({ role: 'test-role', version: '9.9.9' }, quiet);
  let now = 1_000_000;
  const report = new SystemReport(metrics, { role: 'test-role', version: '9.9.9', now: () => now });
  return {
    metrics,
    report,
    /** Moves the clock `seconds` on in 5 s steps, calling `each` before every step and sampling after it. */
    async advance(seconds: number, each: () => void = () => {}) {
      for (let step = 0; step < seconds / 5; step++) {
        each();
        now += 5_000;
        await report.sample();
      }
    },
    async window(name: TrafficWindow['window']): Promise<TrafficWindow> {
      const found = (await report.read()).traffic.find((traffic) => traffic.window === name);
      assert.ok(found, `the ${name} window`);
      return found;
    },
  };
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

describe('histogramQuantile', () => {
  const buckets = [
    { le: 0.1, count: 10 },
    { le: 0.5, count: 20 },
    { le: 1, count: 20 },
    { le: Infinity, count: 20 },
  ];

  it('interpolates linearly inside the bucket the rank falls in, from 0 below the first', () => {
    close(histogramQuantile(0.5, buckets) ?? null, 0.1, 'p50: rank 10 at the top of the first bucket');
    close(histogramQuantile(0.25, buckets) ?? null, 0.05, 'p25: halfway through the first bucket');
    close(histogramQuantile(0.99, buckets) ?? null, 0.1 + 0.4 * (9.8 / 10), 'p99: inside the second bucket');
  });

  it('answers the highest finite bound for a rank in +Inf, and nothing without observations', () => {
    const slow = [
      { le: 0.1, count: 1 },
      { le: 1, count: 2 },
      { le: Infinity, count: 10 },
    ];
    assert.equal(histogramQuantile(0.99, slow), 1);
    assert.equal(
      histogramQuantile(0.5, [
        { le: 1, count: 0 },
        { le: Infinity, count: 0 },
      ]),
      undefined,
    );
    assert.equal(histogramQuantile(0.5, [{ le: 1, count: 3 }]), undefined, 'no +Inf bucket');
  });

  it('reads buckets in any order and repairs counts that fall as the bound rises', () => {
    const shuffled = [buckets[3]!, buckets[1]!, buckets[0]!, buckets[2]!];
    assert.equal(histogramQuantile(0.99, shuffled), histogramQuantile(0.99, buckets));
    const uneven = [
      { le: 0.1, count: 10 },
      { le: 0.5, count: 8 },
      { le: Infinity, count: 20 },
    ];
    close(histogramQuantile(0.5, uneven) ?? null, 0.1, 'the 0.5 bucket counted as 10, not 8');
  });
});

describe('SystemReport', () => {
  it('gives requests per second and the 5xx share over the last minute and five minutes', async () => {
    const { metrics, report, advance, window } = subject();
    await report.sample();
    // Two quiet minutes at 2 requests a second, then one at 1 a second with every tenth answer a 500.
    await advance(120, () => {
      for (let index = 0; index < 10; index++) metrics.httpRequest('GET', '/a', 200, 0.004);
    });
    let second = 0;
    await advance(60, () => {
      for (let index = 0; index < 5; index++)
        metrics.httpRequest('GET', '/a', ++second % 10 === 0 ? 500 : 200, 0.004);
    });
    metrics.httpRequest('GET', '/missing', 404, 0.001);

    const minute = await window('1m');
    assert.equal(minute.seconds, 60);
    assert.equal(minute.requests, 61);
    close(minute.requestsPerSecond, 61 / 60, 'requests per second in the last minute');
    assert.equal(minute.serverErrors, 6);
    assert.equal(minute.clientErrors, 1);
    close(minute.serverErrorRatio, 6 / 61, '5xx share in the last minute');

    const five = await window('5m');
    assert.equal(five.seconds, 180, 'a process younger than five minutes: the whole of its history');
    assert.equal(five.requests, 240 + 61);
    close(five.requestsPerSecond, 301 / 180, 'requests per second over five minutes');
  });

  it('estimates p50 and p99 from the buckets of the window alone', async () => {
    const { metrics, report, advance, window } = subject();
    await report.sample();
    await advance(60, () => metrics.httpRequest('GET', '/slow', 200, 7)); // 12 slow ones, a minute ago
    await advance(60, () => {
      for (let index = 0; index < 9; index++) metrics.httpRequest('GET', '/a', 200, 0.004);
      metrics.httpRequest('GET', '/b', 201, 0.3);
    });

    const minute = await window('1m');
    assert.equal(minute.requests, 120);
    // 108 answers in (0.0025, 0.005], 12 in (0.25, 0.5]: p50 is rank 60, p99 rank 118.8.
    close(minute.latencyP50Seconds, 0.0025 + 0.0025 * (60 / 108), 'p50');
    close(minute.latencyP99Seconds, 0.25 + 0.25 * ((118.8 - 108) / 12), 'p99');
    // Five minutes add the 12 slow ones in (5, 10]: p99 is rank 130.68 of 132.
    const five = await window('5m');
    close(five.latencyP99Seconds, 5 + 5 * ((0.99 * 132 - 120) / 12), 'the slow minute in five');
    const idle = subject();
    await idle.report.sample();
    assert.equal((await idle.window('1m')).latencyP99Seconds, null, 'no requests: no latency');
  });

  it('counts a counter that fell (a reset) from zero instead of going negative', async () => {
    const { metrics, report, advance, window } = subject();
    await report.sample();
    await advance(90, () => {
      for (let index = 0; index < 10; index++) metrics.httpRequest('GET', '/a', 200, 0.004);
      metrics.hold('held', 'none');
    });
    metrics.registry.resetMetrics();
    await advance(10, () => {
      metrics.httpRequest('GET', '/a', 200, 0.004);
      metrics.hold('held', 'none');
    });
    // The window starts 40 s in, at 80 requests and 8 holds; the counters now read 2 and 2.
    const minute = await window('1m');
    assert.equal(minute.requests, 2, 'the two requests since the reset');
    assert.equal(minute.holds, 2);
    close(minute.latencyP50Seconds, 0.0025 + 0.0025 * 0.5, 'buckets since the reset');
  });

  it('keeps five minutes of snapshots and no more', () => {
    const history = new CounterHistory(300_000);
    for (let at = 0; at <= 3_600_000; at += 5_000) history.record(snapshot(at, []));
    assert.equal(history.size, 61, 'from an hour of snapshots, the five minutes a window can reach');
    assert.equal(history.baseFor(3_600_000, 300_000)?.at, 3_300_000);
    assert.equal(history.baseFor(3_600_000, 60_000)?.at, 3_540_000);
    assert.equal(history.baseFor(3_602_000, 60_000)?.at, 3_540_000, 'the newest at or before the start');
  });

  it('keeps five minutes of history: the five-minute window never covers more', async () => {
    const { metrics, report, advance, window } = subject();
    await report.sample();
    await advance(600, () => metrics.httpRequest('GET', '/a', 200, 0.004));
    const five = await window('5m');
    assert.equal(five.seconds, 300);
    assert.equal(five.requests, 60);
    close(five.requestsPerSecond, 0.2, 'one request every 5 s');
  });

  it('gives holds per second, refusals by reason and payment and e-mail outcomes of the window', async () => {
    const { metrics, report, advance, window } = subject();
    await report.sample();
    await advance(120, () => {
      metrics.hold('rejected', 'RATE_LIMITED');
      metrics.payment('declined');
    });
    await advance(60, () => {
      metrics.hold('held', 'none');
      metrics.hold('held', 'none');
      metrics.hold('rejected', 'INSUFFICIENT_SEATS');
      metrics.payment('succeeded');
      metrics.notification('sent');
    });
    metrics.hold('rejected', 'TICKET_LIMIT_EXCEEDED');
    metrics.notification('retrying');

    const minute = await window('1m');
    assert.equal(minute.holds, 24);
    close(minute.holdsPerSecond, 0.4, 'holds per second');
    assert.deepEqual(minute.rejections, [
      { name: 'INSUFFICIENT_SEATS', count: 12 },
      { name: 'TICKET_LIMIT_EXCEEDED', count: 1 },
    ]);
    assert.deepEqual(minute.payments, [{ name: 'succeeded', count: 12 }]);
    assert.deepEqual(minute.notifications, [
      { name: 'sent', count: 12 },
      { name: 'retrying', count: 1 },
    ]);
    const five = await window('5m');
    assert.deepEqual(five.rejections, [
      { name: 'RATE_LIMITED', count: 24 },
      { name: 'INSUFFICIENT_SEATS', count: 12 },
      { name: 'TICKET_LIMIT_EXCEEDED', count: 1 },
    ]);
    assert.deepEqual(five.payments, [
      { name: 'declined', count: 24 },
      { name: 'succeeded', count: 12 },
    ]);
  });

  it('reads the backlogs from the sampled gauges, null where nothing here reports one', async () => {
    const { metrics, report } = subject();
    assert.deepEqual((await report.read()).backlogs, {
      sagaCommandsDue: null,
      deadLetters: null,
      waitingRoomQueues: null,
    });
    metrics.sample('sagaCommandsDue', async () => [{ value: 4 }]);
    metrics.sample('deadLetters', async () => [
      { labels: { topic: 'rush.payments' }, value: 2 },
      { labels: { topic: 'rush.bookings' }, value: 0 },
    ]);
    metrics.sample('deadLetters', async () => {
      throw new Error('bus down');
    });
    metrics.sample('waitingRoomQueueLength', async () => [
      { labels: { event_id: 'e-1' }, value: 30 },
      { labels: { event_id: 'e-2' }, value: 120 },
    ]);
    assert.deepEqual((await report.read()).backlogs, {
      sagaCommandsDue: 4,
      deadLetters: [
        { topic: 'rush.bookings', count: 0 },
        { topic: 'rush.payments', count: 2 },
      ],
      waitingRoomQueues: [
        { eventId: 'e-2', waiting: 120 },
        { eventId: 'e-1', waiting: 30 },
      ],
    });
  });

  it('lists the followers reporting here with their lag and failures, recent ones in the last five minutes', async () => {
    const { metrics, report, advance } = subject();
    await report.sample();
    const meter = metrics.follower('projection:bookings', async () => ({ events: 40, seconds: 31.5 }));
    metrics.follower('relay:integration-relay', async () => undefined);
    meter.failure();
    await advance(360);
    meter.failure();
    let followers = (await report.read()).followers;
    assert.deepEqual(followers, [
      { name: 'projection:bookings', lagEvents: 40, lagSeconds: 31.5, failures: 2, recentFailures: 1 },
      { name: 'relay:integration-relay', lagEvents: null, lagSeconds: null, failures: 0, recentFailures: 0 },
    ]);
    await advance(305);
    followers = (await report.read()).followers;
    assert.equal(followers[0]?.failures, 2);
    assert.equal(followers[0]?.recentFailures, 0, 'failures more than five minutes old are not recent');
    meter.close();
    assert.deepEqual(
      (await report.read()).followers.map((follower) => follower.name),
      ['relay:integration-relay'],
    );
  });

  it('says so with METRICS=off, and still gives the process figures', async () => {
    const report = new SystemReport(noMetrics, { role: 'start', version: '1.2.3' });
    await report.start();
    const reading = await report.read();
    await report.stop();
    assert.equal(reading.scope, 'this-process');
    assert.equal(reading.metrics, 'off');
    assert.deepEqual(reading.traffic, []);
    assert.equal(reading.backlogs, null);
    assert.deepEqual(reading.followers, []);
    assert.equal(reading.process.role, 'start');
    assert.equal(reading.process.version, '1.2.3');
    assert.ok(reading.process.rssBytes > 0 && reading.process.heapUsedBytes > 0);
    assert.equal(reading.process.eventLoopLagP99Seconds, null);
  });

  it('answers from the first snapshot of start, with figures from then on', async () => {
    const { metrics, report } = subject();
    await report.start();
    metrics.httpRequest('GET', '/a', 404, 0.01);
    const reading = await report.read();
    await report.stop();
    assert.equal(reading.metrics, 'on');
    assert.equal(reading.process.role, 'test-role');
    assert.deepEqual(
      reading.traffic.map((traffic) => [
        traffic.window,
        traffic.seconds,
        traffic.requests,
        traffic.clientErrors,
      ]),
      [
        ['1m', 0, 1, 1],
        ['5m', 0, 1, 1],
      ],
    );
    assert.equal(reading.traffic[0]?.requestsPerSecond, null, 'no time covered yet: no rate');
  });
});
