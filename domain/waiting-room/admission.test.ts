import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionBudget, oddsOfSeats, rateCredit, waitEstimate } from './admission';

const base = {
  paused: false,
  admissionPerMinute: 60,
  maxInside: 100,
  inside: 0,
  passesOut: 0,
  waiting: 1000,
  seatsLeft: 1000,
  maxTicketsPerUser: 4,
  rateAllows: 10,
};

describe('how many the room lets in', () => {
  it('follows the rate’s credit: it grows with time up to ten seconds’ worth, and fractions carry over', () => {
    assert.equal(admissionBudget(base), 10);
    assert.equal(admissionBudget({ ...base, rateAllows: 0.5 }), 0);
    assert.equal(rateCredit({ credit: 0, elapsedMs: 10_000, perMinute: 60 }), 10);
    assert.equal(
      rateCredit({ credit: 0, elapsedMs: 600_000, perMinute: 60 }),
      10,
      'ten seconds’ worth at most',
    );
    assert.equal(rateCredit({ credit: 0, elapsedMs: 600_000, perMinute: 2 }), 1, 'one buyer at least');
    let credit = 0;
    let admitted = 0;
    for (let step = 0; step < 20; step += 1) {
      credit = rateCredit({ credit, elapsedMs: 1000, perMinute: 90 });
      const count = admissionBudget({ ...base, rateAllows: credit });
      credit -= count;
      admitted += count;
    }
    assert.equal(admitted, 30, '90 a minute for 20 one-second steps');
  });

  it('never more than the room holds or than are waiting', () => {
    assert.equal(admissionBudget({ ...base, inside: 95 }), 5);
    assert.equal(admissionBudget({ ...base, waiting: 3 }), 3);
  });

  it('stops while the buyers inside could take every seat left, and resumes when seats come back', () => {
    assert.equal(
      admissionBudget({ ...base, seatsLeft: 40, inside: 10, passesOut: 10 }),
      0,
      '10 passes × 4 ≥ 40 seats',
    );
    assert.equal(admissionBudget({ ...base, seatsLeft: 48, inside: 10, passesOut: 10 }), 2);
    assert.equal(
      admissionBudget({ ...base, seatsLeft: 48, inside: 20, passesOut: 10 }),
      2,
      'holders took theirs already',
    );
    assert.equal(admissionBudget({ ...base, seatsLeft: 0 }), 0, 'sold out');
  });

  it('lets nobody in while paused', () => {
    assert.equal(admissionBudget({ ...base, paused: true }), 0);
  });
});

describe('what a waiting buyer is told', () => {
  it('people ahead and the wait at the configured rate', () => {
    assert.deepEqual(waitEstimate({ place: 11, admittedUpTo: 5, admissionPerMinute: 60, paused: false }), {
      ahead: 5,
      waitSeconds: 6,
    });
    assert.deepEqual(waitEstimate({ place: 3, admittedUpTo: 5, admissionPerMinute: 60, paused: true }), {
      ahead: 0,
      waitSeconds: null,
    });
  });

  it('the odds: likely, possible, unlikely, sold out', () => {
    const odds = (ahead: number, seatsLeft: number) =>
      oddsOfSeats({ ahead, inside: 0, seatsLeft, seatsPerBuyer: 2, maxTicketsPerUser: 4 }).odds;
    assert.equal(odds(10, 100), 'likely', '10 ahead take at most 40 of 100');
    assert.equal(odds(30, 100), 'possible', 'at most 120, about 60');
    assert.equal(odds(60, 100), 'unlikely', 'about 120 of 100');
    assert.equal(odds(0, 0), 'sold-out');
  });
});
