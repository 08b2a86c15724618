// Numbers in the units of Grafana's fieldConfig (the few the dashboards use), printed about as Grafana does.

/** Three significant digits at most (or the panel's decimals), without trailing zeros. */
function digits(value: number, decimals?: number): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  if (value === 0) return '0';
  const places = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return String(Number(value.toFixed(Math.min(places, 6))));
}

/** The value scaled to the largest prefix below it: 12345 → "12.3 k". */
function scaled(value: number, base: number, prefixes: readonly string[], decimals?: number): string {
  let amount = value;
  let index = 0;
  while (Math.abs(amount) >= base && index < prefixes.length - 1) {
    amount /= base;
    index += 1;
  }
  return `${digits(amount, decimals)} ${prefixes[index]}`;
}

function duration(seconds: number, decimals?: number): string {
  const abs = Math.abs(seconds);
  if (abs === 0) return '0 s';
  if (abs < 1e-3) return `${digits(seconds * 1e6, decimals)} µs`;
  if (abs < 1) return `${digits(seconds * 1e3, decimals)} ms`;
  if (abs < 60) return `${digits(seconds, decimals)} s`;
  if (abs < 3600) return `${digits(seconds / 60, decimals)} min`;
  return `${digits(seconds / 3600, decimals)} h`;
}

const decimalPrefixes = ['', 'k', 'M', 'G', 'T'];

export function formatValue(value: number, unit = 'short', decimals?: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 's':
      return duration(value, decimals);
    case 'percent':
      return `${digits(value, decimals)}%`;
    case 'percentunit':
      return `${digits(value * 100, decimals)}%`;
    case 'bytes':
      return `${scaled(value, 1024, ['', 'Ki', 'Mi', 'Gi', 'Ti'], decimals)}B`;
    case 'reqps':
      return `${scaled(value, 1000, decimalPrefixes, decimals)}req/s`;
    case 'ops':
      return `${scaled(value, 1000, decimalPrefixes, decimals)}ops/s`;
    default:
      return scaled(value, 1000, decimalPrefixes, decimals).trimEnd();
  }
}
