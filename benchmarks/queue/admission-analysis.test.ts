import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueDecision } from './api';
import { admissionFromLog, admissionFromStatus, waitEstimateAccuracy } from './admission-analysis';

const sale = Date.parse('2026-12-10T10:00:00.000Z');
const at = (seconds: number) => new Date(sale + seconds * 1000).toISOString();
// Stored 0.1 s after the step that decided it.
const admitted = (seconds: number, fromSeq: number, toSeq: number): QueueDecision => ({
  type: 'BuyersAdmitted',
  createdAt: at(seconds),
  data: { occurredAt: at(seconds - 0.1), fromSeq, toSeq },
});

describe('admission figures from the log', () => {
  it('counts each batch by its places, per minute and per ten seconds, within the window', () => {
    const decisions: QueueDecision[] = [
      { type: 'QueueShuffled', createdAt: at(0.4), data: { occurredAt: at(0.4), prequeueCount: 500 } },
      admitted(0.5, 1, 300),
      admitted(30, 301, 350),
      admitted(70, 351, 450),
      admitted(130, 451, 460),
    ];
    const figures = admissionFromLog(decisions, sale, sale + 125_000, 600);
    assert.equal(figures.admitted, 450);
    assert.equal(figures.batches, 3);
    assert.deepEqual(figures.firstBatch, { atSeconds: 0.5, buyers: 300 });
    assert.deepEqual(figures.perMinute, [350, 100]);
    assert.deepEqual(figures.perTenSeconds.slice(0, 8), [300, 0, 0, 50, 0, 0, 0, 100]);
    assert.equal(figures.perTenSeconds.length, 13);
    assert.equal(figures.achievedPerMinute, Math.round((450 / 125) * 60));
    assert.deepEqual(figures.firstTenSeconds, { admitted: 300, target: 100 });
    assert.equal(figures.steadyPerMinute, Math.round((150 / 59.5) * 60));
    assert.deepEqual(figures.steps[0], { at: 0.5, decided: 0.4, buyers: 300 });
    assert.equal(figures.shuffleLagSeconds, 0.4);
    assert.equal(figures.prequeued, 500);
  });

  it('has no rate or batches when nobody was let in', () => {
    const figures = admissionFromLog([], sale, sale + 60_000, 600);
    assert.equal(figures.admitted, 0);
    assert.equal(figures.firstBatch, null);
    assert.equal(figures.firstTenSeconds, null);
    assert.equal(figures.steadyPerMinute, null);
    assert.equal(figures.achievedPerMinute, 0);
  });
});

describe('admission figures from the buyers', () => {
  it('counts one buyer per time seen, inside the window only', () => {
    const figures = admissionFromStatus([1, 2, 61, 200], 120, 60);
    assert.equal(figures.admitted, 3);
    assert.deepEqual(figures.perMinute, [2, 1]);
  });
});

describe('wait estimate accuracy', () => {
  it('takes the median error and the share within 20 % of the promise', () => {
    const accuracy = waitEstimateAccuracy([
      { promisedSeconds: 100, actualSeconds: 110 },
      { promisedSeconds: 100, actualSeconds: 150 },
      { promisedSeconds: 10, actualSeconds: 11 },
    ]);
    assert.deepEqual(accuracy, { samples: 3, medianErrorSeconds: 10, withinTwentyPercent: 0.667 });
  });
});
