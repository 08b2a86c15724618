import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeOrganizerError } from './errors';

describe('API errors on the organizer pages', () => {
  it("says which catalog rule refused a change, not the buyer's ended-hold text", () => {
    const advice = describeOrganizerError({
      code: 'INVALID_STATE',
      status: 409,
      message: 'Add at least one show with a zone before publishing',
    });
    assert.equal(advice.message, 'Add at least one show with a zone before publishing');
    assert.doesNotMatch(advice.title, /hold/i);
  });

  it('explains ownership for FORBIDDEN and falls back to the shared wording otherwise', () => {
    assert.match(
      describeOrganizerError({ code: 'FORBIDDEN', status: 403, message: '' }).message,
      /owns this event/,
    );
    assert.equal(
      describeOrganizerError({ code: 'NETWORK_ERROR', status: 0, message: 'x' }).title,
      'No connection',
    );
  });
});
