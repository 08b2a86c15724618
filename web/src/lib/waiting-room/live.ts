import type { QueuePhase, WaitingRoomLive } from '../api/waiting-room';

/** A duration for the live view: "45 s", "3 min 5 s", "1 h 2 min"; a dash when there is none yet. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.round(Math.max(0, seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const rest = total % 60;
    return rest ? `${Math.floor(total / 60)} min ${rest} s` : `${total / 60} min`;
  }
  const minutes = Math.round((total % 3600) / 60);
  return minutes ? `${Math.floor(total / 3600)} h ${minutes} min` : `${Math.floor(total / 3600)} h`;
}

/** A share (0–1) as a percentage. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)}%`;
}

export const phaseWords: Record<QueuePhase, string> = {
  'not-opened': 'Not open yet',
  prequeue: 'Pre-queue (places drawn at the sale start)',
  open: 'Open: admitting in turn',
  closed: 'Closed: sold out',
};

/** How well the wait estimates shown to buyers held, in one sentence. */
export function estimateAccuracy(estimates: WaitingRoomLive['estimates']): string {
  if (!estimates || estimates.samples === 0) return 'No buyer admitted yet to compare an estimate with.';
  const samples = `${estimates.samples} estimate${estimates.samples === 1 ? '' : 's'} checked`;
  return `${formatShare(estimates.withinTwentyPercent)} of estimates within 20% of the real wait; typical error ${formatDuration(estimates.medianErrorSeconds)} (${samples}).`;
}

/** Admitted in the last minute against the configured rate, e.g. "42 of 60". */
export function admittedAgainstTarget(live: WaitingRoomLive): string {
  return `${live.admittedLastMinute.toLocaleString('en')} of ${live.settings.admissionPerMinute.toLocaleString('en')}`;
}
