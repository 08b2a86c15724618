import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueStatus } from '../api/waiting-room';
import { describeAhead, describeOdds, describeWait, isPaused, stateHeading } from './words';

const status = (change: Partial<QueueStatus>): QueueStatus => ({
  eventId: 'e',
  state: 'waiting',
  phase: 'open',
  place: 3,
  ahead: 2,
  waitSeconds: 120,
  odds: 'likely',
  seatsLeft: 10,
  preQueueOpensAt: '2030-06-01T11:00:00.000Z',
  saleStartsAt: '2030-06-01T12:00:00.000Z',
  pass: null,
  pollAfterSeconds: 2,
  ...change,
});

describe('the queue in words', () => {
  it('rounds the estimated wait up to whole minutes and says hours past sixty', () => {
    assert.equal(describeWait(20), 'less than a minute');
    assert.equal(describeWait(60), 'about 1 minute');
    assert.equal(describeWait(61), 'about 2 minutes');
    assert.equal(describeWait(3600), 'about 1 hour');
    assert.equal(describeWait(3900), 'about 1 hour 5 minutes');
    assert.equal(describeWait(7260), 'about 2 hours 1 minute');
  });

  it('counts the people ahead, saying when nobody is', () => {
    assert.equal(describeAhead(0), 'Nobody is ahead of you: you are next.');
    assert.equal(describeAhead(1), '1 person is ahead of you.');
    assert.equal(describeAhead(1234), '1,234 people are ahead of you.');
  });

  it('names every odds with a plain word and its reason', () => {
    for (const odds of ['likely', 'possible', 'unlikely', 'sold-out'] as const) {
      const words = describeOdds(odds);
      assert.ok(words.word.length > 0 && words.sentence.length > 0, odds);
    }
    assert.equal(describeOdds('unlikely').word, 'Unlikely');
  });

  it('reads a waiting status without an estimate as admission paused', () => {
    assert.equal(isPaused(status({ waitSeconds: null })), true);
    assert.equal(isPaused(status({})), false);
    assert.equal(isPaused(status({ state: 'pre-queue', waitSeconds: null })), false);
    assert.match(stateHeading(status({ waitSeconds: null })), /paused/);
  });

  it('says clearly that the queue closed when it is sold out', () => {
    assert.equal(stateHeading(status({ state: 'sold-out' })), 'Sold out — the queue has closed');
    assert.equal(
      stateHeading(status({ state: 'not-joined', phase: 'closed' })),
      'Sold out — the queue has closed',
    );
  });
});
