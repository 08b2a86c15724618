/** How many minor units make one major unit of `currency` (100 for THB, 1 for JPY). */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * A price typed in major units ("1,500.00", "1500", "1 500.5") as whole minor units (150000); undefined
 * when it is not a non-negative amount with at most the currency's decimals.
 */
export function toMinorUnits(text: string, currency: string): number | undefined {
  const digits = minorUnitDigits(currency);
  const plain = text.trim().replace(/[,\s_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Minor units as the text of a price input in major units (150000 THB → "1500.00"). */
export function toMajorInput(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const major = Math.trunc(minor / 10 ** digits);
  if (digits === 0) return String(major);
  return `${major}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}
