import type { Money } from '../api/analytics';
import { formatMoney } from '../money';

/** Each currency's amount as a price (`฿10,000.00`), by currency code; currencies at zero are left out. */
export function revenueLines(money: Money, locale?: string): string[] {
  return Object.entries(money)
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency, locale));
}

/** The currency with the most revenue across `amounts` (what a revenue chart is drawn in), if any. */
export function mainCurrency(amounts: readonly Money[]): string | undefined {
  const sums = new Map<string, number>();
  for (const money of amounts)
    for (const [currency, amount] of Object.entries(money))
      sums.set(currency, (sums.get(currency) ?? 0) + amount);
  let best: [string, number] | undefined;
  for (const entry of [...sums].sort(([a], [b]) => a.localeCompare(b)))
    if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

const fractionDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Minor units (satang) as major units (baht), for chart values. */
export const toMajorUnits = (minorUnits: number, currency: string): number =>
  minorUnits / 10 ** fractionDigits(currency);

/** A short axis label for an amount in major units, e.g. 12000 THB → "฿12K". */
export function formatAxisMoney(majorUnits: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(majorUnits);
}
