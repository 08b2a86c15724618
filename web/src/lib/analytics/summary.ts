/** The largest value and its label (the first one on a tie); undefined when every value is 0. */
export function peakOf(
  labels: readonly string[],
  values: readonly number[],
): { label: string; value: number } | undefined {
  let peak: { label: string; value: number } | undefined;
  values.forEach((value, index) => {
    if (value > 0 && (!peak || value > peak.value)) peak = { label: labels[index] ?? '', value };
  });
  return peak;
}

/** "3 bookings" / "1 booking": a count with its noun, singular for one. */
export const counted = (count: number, singular: string, plural = `${singular}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
