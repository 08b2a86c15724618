/** A ratio 0..1 as a percentage a person reads, e.g. 0.3333 → "33.3%" (locale-dependent). */
export function formatRate(ratio: number, locale?: string): string {
  const safe = Number.isFinite(ratio) ? ratio : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(safe);
}

/** `part` ÷ `whole`, 0 when there is no whole (no bookings yet). */
export const rateOf = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
