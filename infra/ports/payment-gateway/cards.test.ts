import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardBrand, isValidCardNumber, testCards } from './index';

describe('card numbers', () => {
  it('accepts every documented test card and other Luhn-valid numbers of 12–19 digits', () => {
    for (const number of [...Object.values(testCards), '5555555555554444', '378282246310005', '000000000000'])
      assert.equal(isValidCardNumber(number), true, number);
  });

  it('refuses a wrong check digit, separators, and lengths outside 12–19', () => {
    for (const number of ['4242424242424241', '4242-4242-4242-4242', '42424242424', '4'.repeat(20), ''])
      assert.equal(isValidCardNumber(number), false, number);
  });

  it('names the common brands by prefix', () => {
    assert.deepEqual(
      ['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117', '9999999999999995'].map(
        cardBrand,
      ),
      ['visa', 'mastercard', 'amex', 'discover', 'unknown'],
    );
  });
});
