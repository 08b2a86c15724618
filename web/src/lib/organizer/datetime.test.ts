import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromLocalInput, toLocalInput } from './datetime';

// A fixed zone without daylight saving (UTC+7) makes local times concrete; Node applies it on assignment.
process.env.TZ = 'Asia/Bangkok';

describe('datetime-local values and ISO instants', () => {
  it('reads a local date and time as the UTC instant it names', () => {
    assert.equal(fromLocalInput('2030-06-01T19:00'), '2030-06-01T12:00:00.000Z');
    assert.equal(fromLocalInput('2030-06-01T02:30:15'), '2030-05-31T19:30:15.000Z');
  });

  it('shows an instant as the local date and time of the browser, to the minute', () => {
    assert.equal(toLocalInput('2030-06-01T12:00:00Z'), '2030-06-01T19:00');
    assert.equal(toLocalInput('2030-05-31T19:30:45.500Z'), '2030-06-01T02:30');
  });

  it('round-trips a value through both conversions', () => {
    const value = '2031-12-31T23:59';
    assert.equal(toLocalInput(fromLocalInput(value)), value);
  });

  it('refuses what is not a real local date and time', () => {
    for (const value of [
      '',
      'tomorrow',
      '2030-02-30T10:00',
      '2030-06-01T24:00',
      '2030-06-01 19:00',
      '2030-06-01T19:00Z',
    ])
      assert.equal(fromLocalInput(value), undefined, value);
  });

  it('leaves the input empty for a missing or unreadable instant', () => {
    assert.equal(toLocalInput(null), '');
    assert.equal(toLocalInput(undefined), '');
    assert.equal(toLocalInput('not a date'), '');
  });
});
