import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preferredLocale } from './accept-language';

describe('preferredLocale', () => {
  it('prefers Thai only when Thai ranks above English', () => {
    assert.equal(preferredLocale('th-TH,th;q=0.9,en;q=0.8'), 'th');
    assert.equal(preferredLocale('fr;q=1, th;q=0.7, en;q=0.5'), 'th');
    assert.equal(preferredLocale('en-US,en;q=0.9,th;q=0.8'), 'en');
    assert.equal(preferredLocale('en;q=0.5, th;q=0.5'), 'en');
  });

  it('falls back to English for no header, other languages, or Thai refused with q=0', () => {
    assert.equal(preferredLocale(undefined), 'en');
    assert.equal(preferredLocale('de-DE,fr;q=0.8'), 'en');
    assert.equal(preferredLocale('th;q=0'), 'en');
  });
});
