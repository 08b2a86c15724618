import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slugCandidate, slugify } from './slug';

describe('event slugs', () => {
  it('keeps lower-case ASCII words joined by single dashes', () => {
    assert.equal(slugify('  Rock & Roll Night!! 2030 '), 'rock-roll-night-2030');
    assert.equal(slugify('Beyoncé — Live à Paris'), 'beyonce-live-a-paris');
  });

  it('turns SQL and HTML into harmless words', () => {
    assert.equal(slugify("'; DROP TABLE events; --"), 'drop-table-events');
    assert.equal(slugify('<script>alert(1)</script>'), 'script-alert-1-script');
  });

  it('falls back to "event" for a name without Latin letters or digits', () => {
    assert.equal(slugify('คอนเสิร์ต'), 'event');
  });

  it('cuts long names at a word boundary within 60 characters', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= 60);
    assert.match(slug, /^word(-word)*$/);
    assert.equal(slugify('x'.repeat(100)), 'x'.repeat(60));
  });

  it('never makes a slug that looks like an event id', () => {
    assert.equal(
      slugify('0e8b5d1c-1a2b-4c3d-8e9f-0a1b2c3d4e5f'),
      'event-0e8b5d1c-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    );
  });

  it('numbers the candidates after the first', () => {
    assert.deepEqual(
      [1, 2, 3].map((n) => slugCandidate('rock-night', n)),
      ['rock-night', 'rock-night-2', 'rock-night-3'],
    );
  });
});
