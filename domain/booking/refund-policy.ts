const dayMs = 24 * 60 * 60 * 1000;

/**
 * The share of a paid booking the buyer gets back on cancelling (the seed's policy): all of it more than
 * 7 days before the show, half at 3–7 days, nothing under 3 days. Amounts round down to the minor unit.
 */
export function refundPercent(showStartsAt: Date, now: Date): number {
  const ahead = showStartsAt.getTime() - now.getTime();
  if (ahead > 7 * dayMs) return 100;
  if (ahead >= 3 * dayMs) return 50;
  return 0;
}

export const refundAmount = (paid: number, percent: number): number => Math.floor((paid * percent) / 100);
