import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProjectionView } from '../api/admin';
import {
  describeProgress,
  formatLag,
  idlePollMs,
  isRebuilding,
  pollDelay,
  rebuildPercent,
  rebuildPollMs,
} from './projections';

const live: ProjectionView = {
  name: 'catalog',
  status: 'live',
  position: 10,
  headPosition: 10,
  lag: 0,
  generation: 1,
};
const rebuild = { processed: 250, total: 1000, percent: 25, startedAt: '2030-01-01T00:00:00.000Z' };

describe('projection helpers', () => {
  it('polls every second while a rebuild runs or was just asked for, else every five seconds', () => {
    assert.equal(pollDelay([live]), idlePollMs);
    assert.equal(pollDelay([live, { ...live, name: 'audit', status: 'rebuilding' }]), rebuildPollMs);
    assert.equal(pollDelay([{ ...live, rebuild }]), rebuildPollMs);
    assert.equal(pollDelay([live], true), rebuildPollMs);
    assert.equal(pollDelay([]), idlePollMs);
  });

  it('counts a projection as rebuilding by its status or by a rebuild in progress', () => {
    assert.equal(isRebuilding(live), false);
    assert.equal(isRebuilding({ ...live, status: 'rebuilding' }), true);
    assert.equal(isRebuilding({ ...live, rebuild }), true);
  });

  it('says how far behind the head a projection is', () => {
    assert.equal(formatLag(0), 'Up to date');
    assert.equal(formatLag(-3), 'Up to date');
    assert.equal(formatLag(1), '1 event behind');
    assert.equal(formatLag(12345), '12,345 events behind');
  });

  it('keeps the progress between 0 and 100, from the percent or else the counts', () => {
    assert.equal(rebuildPercent(rebuild), 25);
    assert.equal(rebuildPercent({ ...rebuild, percent: 140 }), 100);
    assert.equal(rebuildPercent({ ...rebuild, percent: Number.NaN, processed: 1, total: 3 }), 33);
    assert.equal(rebuildPercent({ ...rebuild, percent: Number.NaN, processed: 0, total: 0 }), 100);
    assert.equal(
      describeProgress({ ...rebuild, processed: 1200, total: 5000, percent: 24 }),
      '1,200 of 5,000 events (24%)',
    );
  });
});
