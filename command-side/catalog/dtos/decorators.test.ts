import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateSync } from 'class-validator';
import { IsInstant } from './decorators';

class At {
  @IsInstant()
  at!: unknown;
}

const accepts = (at: unknown) => validateSync(Object.assign(new At(), { at })).length === 0;

describe('IsInstant', () => {
  it('accepts a date and time with a zone, seconds and fractions optional', () => {
    for (const at of [
      '2031-06-01T19:00:00Z',
      '2031-06-01T19:00Z',
      '2031-06-01T19:00:00.123456789+07:00',
      '2032-02-29T00:00:00Z',
      '2000-02-29T23:59:59-12:00',
      '2031-12-31T23:59:59Z',
    ]) {
      assert.ok(accepts(at), at);
    }
  });

  it('refuses a day, hour or offset that does not exist instead of moving it to another day', () => {
    for (const at of [
      '2031-02-30T00:00:00Z',
      '2031-02-29T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2031-04-31T00:00:00Z',
      '2031-13-01T00:00:00Z',
      '2031-00-10T00:00:00Z',
      '2031-06-00T00:00:00Z',
      '2031-06-01T24:00:00Z',
      '2031-06-01T23:60:00Z',
      '2031-06-01T23:59:60Z',
      '2031-06-01T12:00:00+24:00',
      '2031-06-01T12:00:00+05:60',
    ]) {
      assert.ok(!accepts(at), at);
    }
  });

  it('refuses a time without a zone and anything that is not text', () => {
    for (const at of ['2031-06-01T19:00:00', '2031-06-01', '2031-06-01 19:00Z', 1_900_000_000_000, null]) {
      assert.ok(!accepts(at), String(at));
    }
  });
});
