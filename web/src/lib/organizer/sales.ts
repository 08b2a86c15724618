import type { EventSales, ManagedEvent, MoneyByCurrency, SalesTotals } from '../api/organizer';
import { formatMoney } from '../money';
import { seatsTaken } from './zone-form';

/** Amounts per currency as text ("฿3,000.00 · $20.00"); `none` when there is nothing. */
export function formatAmounts(money: MoneyByCurrency, none = '0'): string {
  const parts = Object.entries(money)
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency));
  return parts.length ? parts.join(' · ') : none;
}

/** A 0–1 ratio as a whole percentage with one decimal when needed ("12.5%"). */
export const formatRate = (ratio: number): string =>
  `${Number((ratio * 100).toFixed(1)).toLocaleString('en')}%`;

export type ZoneSalesRow = {
  zoneId: string;
  zone: string;
  show: string;
  capacity: number;
  seatsSold: number;
  taken: number;
  available: number;
  revenue: string;
};

/** The catalog's zones (live availability) joined with the analytics counters of each zone. */
export function zoneSalesRows(event: ManagedEvent, sales: EventSales | undefined): ZoneSalesRow[] {
  const counted = new Map((sales?.zones ?? []).map((zone) => [zone.zoneId, zone]));
  return event.shows.flatMap((show) =>
    show.zones.map((zone) => {
      const totals: Partial<SalesTotals> = counted.get(zone.id) ?? {};
      return {
        zoneId: zone.id,
        zone: zone.name,
        show: show.name ?? 'Show',
        capacity: zone.capacity,
        seatsSold: totals.seatsSold ?? 0,
        taken: seatsTaken(zone),
        available: zone.available ?? zone.capacity,
        revenue: formatAmounts(totals.netRevenue ?? {}),
      };
    }),
  );
}
