/** Minor units (`150000` THB) as a price a person reads (`฿1,500.00`). */
export function formatMoney(minorUnits: number, currency: string, locale = 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
