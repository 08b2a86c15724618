import type { ProjectionView } from '../api/admin';

/** While any rebuild runs the page follows it closely; otherwise lag changes slowly enough. */
export const rebuildPollMs = 1_000;
export const idlePollMs = 5_000;

export const isRebuilding = (projection: ProjectionView): boolean =>
  projection.status === 'rebuilding' || projection.rebuild !== undefined;

export function pollDelay(projections: readonly ProjectionView[], rebuildRequested = false): number {
  return rebuildRequested || projections.some(isRebuilding) ? rebuildPollMs : idlePollMs;
}

/** "Up to date", "1 event behind", "1,234 events behind". */
export function formatLag(lag: number): string {
  if (lag <= 0) return 'Up to date';
  return `${lag.toLocaleString('en')} ${lag === 1 ? 'event' : 'events'} behind`;
}

/** 0–100, whole numbers: the API's percent, or one computed from the counts. */
export function rebuildPercent(rebuild: NonNullable<ProjectionView['rebuild']>): number {
  const percent =
    Number.isFinite(rebuild.percent) && rebuild.percent >= 0
      ? rebuild.percent
      : rebuild.total > 0
        ? (100 * rebuild.processed) / rebuild.total
        : 100;
  return Math.min(100, Math.max(0, Math.floor(percent)));
}

/** "1,200 of 5,000 events (24%)". */
export function describeProgress(rebuild: NonNullable<ProjectionView['rebuild']>): string {
  const counts = `${rebuild.processed.toLocaleString('en')} of ${rebuild.total.toLocaleString('en')} events`;
  return `${counts} (${rebuildPercent(rebuild)}%)`;
}
