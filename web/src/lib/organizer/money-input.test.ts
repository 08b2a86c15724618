import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minorUnitDigits, toMajorInput, toMinorUnits } from './money-input';

describe('prices typed in major units', () => {
  it('reads amounts with grouping and decimals as minor units', () => {
    assert.equal(toMinorUnits('1,500.00', 'THB'), 150_000);
    assert.equal(toMinorUnits('1500', 'THB'), 150_000);
    assert.equal(toMinorUnits(' 1 500.5 ', 'THB'), 150_050);
    assert.equal(toMinorUnits('0', 'THB'), 0);
    assert.equal(toMinorUnits('.75', 'EUR'), undefined);
    assert.equal(toMinorUnits('0.75', 'EUR'), 75);
  });

  it('follows the currency: yen have no minor unit', () => {
    assert.equal(minorUnitDigits('JPY'), 0);
    assert.equal(toMinorUnits('1,200', 'JPY'), 1_200);
    assert.equal(toMinorUnits('1,200.5', 'JPY'), undefined);
  });

  it('refuses negative, malformed or over-precise amounts', () => {
    for (const text of ['', '-5', 'abc', '1.234', '1.2.3', '1e3', '12THB'])
      assert.equal(toMinorUnits(text, 'THB'), undefined, text);
  });

  it('writes minor units back as an editable major amount', () => {
    assert.equal(toMajorInput(150_000, 'THB'), '1500.00');
    assert.equal(toMajorInput(5, 'THB'), '0.05');
    assert.equal(toMajorInput(1_200, 'JPY'), '1200');
    assert.equal(toMinorUnits(toMajorInput(123_456, 'USD'), 'USD'), 123_456);
  });
});
