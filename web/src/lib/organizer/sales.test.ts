import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventSales, ManagedEvent, SalesTotals } from '../api/organizer';
import { formatMoney } from '../money';
import { formatAmounts, formatRate, zoneSalesRows } from './sales';

const totals = (overrides: Partial<SalesTotals> = {}): SalesTotals => ({
  bookings: 0,
  seatsReserved: 0,
  confirmations: 0,
  seatsSold: 0,
  expiries: 0,
  seatsExpired: 0,
  cancellations: 0,
  seatsCancelled: 0,
  refunds: 0,
  revenue: {},
  refunded: {},
  netRevenue: {},
  conversion: 0,
  expiryRate: 0,
  ...overrides,
});

describe('sales figures', () => {
  it('formats money per currency and rates as percentages', () => {
    assert.equal(formatAmounts({}), '0');
    assert.equal(
      formatAmounts({ USD: 2_000, THB: 300_000, EUR: 0 }),
      `${formatMoney(300_000, 'THB')} · ${formatMoney(2_000, 'USD')}`,
    );
    assert.equal(formatRate(0.125), '12.5%');
    assert.equal(formatRate(1), '100%');
  });

  it('lists every zone of every show, with the counters of the zones that sold', () => {
    const zone = { eventId: 'e1', currency: 'THB', price: 100 };
    const event = {
      shows: [
        {
          id: 's1',
          eventId: 'e1',
          name: null,
          startsAt: '2030-06-01T12:00:00Z',
          zones: [
            { ...zone, id: 'z1', showId: 's1', name: 'VIP', capacity: 10, available: 6 },
            { ...zone, id: 'z2', showId: 's1', name: 'Floor', capacity: 50, available: 50 },
          ],
        },
      ],
    } as unknown as ManagedEvent;
    const sales: EventSales = {
      totals: totals(),
      events: [],
      zones: [{ ...totals({ seatsSold: 3, netRevenue: { THB: 300 } }), zoneId: 'z1', name: 'VIP' }],
    };
    assert.deepEqual(
      zoneSalesRows(event, sales).map(({ zone, show, seatsSold, taken, available, revenue }) => [
        zone,
        show,
        seatsSold,
        taken,
        available,
        revenue,
      ]),
      [
        ['VIP', 'Show', 3, 4, 6, formatMoney(300, 'THB')],
        ['Floor', 'Show', 0, 0, 50, '0'],
      ],
    );
  });
});
