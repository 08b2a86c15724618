import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAxisMoney, mainCurrency, revenueLines, toMajorUnits } from './revenue';

describe('revenue per currency', () => {
  it('lists each currency with revenue as a price, by currency code, leaving out zeros', () => {
    assert.deepEqual(revenueLines({ USD: 1250, THB: 1_000_000, EUR: 0 }, 'en'), [
      'THB\u00a010,000.00',
      '$12.50',
    ]);
    assert.deepEqual(revenueLines({}, 'en'), []);
  });

  it('draws charts in the currency with the most revenue', () => {
    assert.equal(mainCurrency([{ THB: 500 }, { USD: 300, THB: 100 }, { USD: 400 }]), 'USD');
    assert.equal(mainCurrency([{ USD: 100 }, { THB: 100 }]), 'THB');
    assert.equal(mainCurrency([{}, {}]), undefined);
  });

  it('converts minor units to major units by the currency’s digits', () => {
    assert.deepEqual([toMajorUnits(1_000_000, 'THB'), toMajorUnits(500, 'JPY')], [10_000, 500]);
  });

  it('writes axis amounts short', () => {
    assert.deepEqual(
      [
        formatAxisMoney(12_000, 'THB', 'en'),
        formatAxisMoney(1500, 'THB', 'en'),
        formatAxisMoney(0, 'USD', 'en'),
      ],
      ['฿12K', '฿1.5K', '$0'],
    );
  });
});
