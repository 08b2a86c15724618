import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lagSecondsAt, summarizeFollower, summarizeRate, summarizeSagaCommands } from './lag-analysis';
import type { FollowerState, Sample } from './probe';

const sample = (
  t: number,
  followers: Record<string, FollowerState>,
  extra: Partial<Sample> = {},
): Sample => ({
  t,
  head: 0,
  published: 0,
  followers,
  ...extra,
});

describe('rush lag analysis', () => {
  it('reports the largest lag during the window and when the follower caught up after the stop', () => {
    const samples = [
      sample(0, { p: { lagEvents: 0, lagSeconds: 0 } }),
      sample(250, { p: { lagEvents: 40, lagSeconds: 0.1 } }),
      sample(500, { p: { lagEvents: 90, lagSeconds: 0.4 } }),
      sample(750, { p: { lagEvents: 30, lagSeconds: 0.2 } }),
      sample(1000, { p: { lagEvents: 0, lagSeconds: 0 } }),
    ];
    const summary = summarizeFollower(samples, 'p', { start: 100, stop: 600, end: 1000 });
    assert.equal(summary.maxLagEvents, 90);
    assert.equal(summary.maxLagSeconds, 0.4);
    assert.equal(summary.lagAtStop, 30);
    assert.equal(summary.catchUpSeconds, 0.4);
  });

  it('says a follower that never caught up did not, and one with nothing left at the stop took 0 s', () => {
    const samples = [
      sample(0, { stuck: { lagEvents: 5, lagSeconds: 1 }, idle: { lagEvents: 0, lagSeconds: 0 } }),
      sample(250, { stuck: { lagEvents: 9, lagSeconds: 2 }, idle: { lagEvents: 0, lagSeconds: 0 } }),
      sample(500, { stuck: { lagEvents: 9, lagSeconds: 3 }, idle: { lagEvents: 0, lagSeconds: 0 } }),
    ];
    const window = { start: 0, stop: 200, end: 500 };
    assert.equal(summarizeFollower(samples, 'stuck', window).catchUpSeconds, undefined);
    assert.equal(summarizeFollower(samples, 'idle', window).catchUpSeconds, 0);
  });

  it('does not count a follower whose state is not readable yet as caught up', () => {
    const samples = [
      sample(0, { late: { lagEvents: 0, unknown: true } }),
      sample(250, { late: { lagEvents: 0, lagSeconds: 0 } }),
    ];
    assert.equal(summarizeFollower(samples, 'late', { start: 0, stop: 0, end: 250 }).catchUpSeconds, 0.25);
  });

  it('derives a Kafka group’s lag in seconds from when its offsets passed the ends it was behind', () => {
    const offsets = (committed: number[], end: number[]) => ({
      lagEvents: end.reduce((sum, value, index) => sum + value - committed[index]!, 0),
      offsets: { committed, end },
    });
    const samples = [
      sample(0, { g: offsets([0, 0], [5, 3]) }),
      sample(250, { g: offsets([5, 1], [8, 6]) }),
      sample(500, { g: offsets([8, 3], [9, 6]) }),
      sample(750, { g: offsets([8, 5], [9, 9]) }),
    ];
    assert.deepEqual(lagSecondsAt(samples, 'g', 0), { seconds: 0.5, lowerBound: false });
    assert.deepEqual(lagSecondsAt(samples, 'g', 1), { seconds: 0.5, lowerBound: true });
  });

  it('gives the saga backlog’s peaks and the rate of a counter', () => {
    const samples = [0, 1, 2, 3, 4].map((second) =>
      sample(
        second * 1000,
        {},
        {
          head: second * 100,
          sagaCommands: { pending: second * 10, due: second === 3 ? 7 : 0 },
        },
      ),
    );
    const window = { start: 0, stop: 4000, end: 4000 };
    assert.deepEqual(summarizeSagaCommands(samples, window), {
      peakPending: 40,
      peakDue: 7,
      pendingAtEnd: 40,
      dueAtEnd: 0,
    });
    assert.deepEqual(
      summarizeRate(samples, window, (entry) => entry.head),
      { average: 100, peak: 100, total: 400 },
    );
  });
});
