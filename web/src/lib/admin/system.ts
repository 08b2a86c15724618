import type { SystemFollower, SystemView, TrafficWindow } from '../api/admin';

/** The page reads the figures again this often (the server snapshots its counters every 5 s too). */
export const systemRefreshMs = 5_000;

export function trafficWindow(view: SystemView, window: TrafficWindow['window']): TrafficWindow | undefined {
  return view.traffic.find((traffic) => traffic.window === window);
}

const number = (value: number, fractionDigits: number) =>
  value.toLocaleString('en', { maximumFractionDigits: fractionDigits });

/** "12.3/s", "0.05/s", "1,234/s"; "—" when unknown. */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined) return '—';
  return `${number(perSecond, perSecond < 10 ? 2 : perSecond < 100 ? 1 : 0)}/s`;
}

/** A 0–1 share as a percentage: "0%", "<0.1%", "2.5%"; "—" without requests. */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  if (ratio > 0 && ratio < 0.001) return '<0.1%';
  return `${number(ratio * 100, 1)}%`;
}

/** "0.8 ms", "45 ms", "1.25 s"; "—" without requests. */
export function formatLatency(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return `${number(seconds * 1_000, seconds < 0.01 ? 1 : 0)} ms`;
  return `${number(seconds, 2)} s`;
}

/** "512 KB", "86.4 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number(value, value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}

/** "42 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatUptime(seconds: number): string {
  const whole = Math.floor(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A follower's lag in time: "Up to date", "4.2 s", "2 min 5 s"; "—" when unknown. */
export function formatLagSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds <= 0) return 'Up to date';
  if (seconds < 60) return `${number(seconds, 1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`;
}

export type FollowerHealth = 'failing' | 'late' | 'ok';

/** Failing first (it will not catch up by itself), then late (more than the alert threshold behind). */
export function followerHealth(follower: SystemFollower): FollowerHealth {
  if (follower.failing) return 'failing';
  if (follower.late) return 'late';
  return 'ok';
}

/** Words for a follower's health, shown beside the colour (never the colour alone). */
export function describeHealth(follower: SystemFollower, alertSeconds: number): string {
  switch (followerHealth(follower)) {
    case 'failing':
      return follower.phase === 'failed' ? 'Failing' : 'Failing pages (last 5 min)';
    case 'late':
      return `More than ${alertSeconds} s behind`;
    default:
      return 'OK';
  }
}

/** The count under `name`, 0 when absent. */
export function countOf(counts: readonly { name: string; count: number }[], name: string): number {
  return counts.find((count) => count.name === name)?.count ?? 0;
}

/**
 * The names of two windows' counts, most in the longer window first: every name of the five minutes
 * (the last minute's are among them).
 */
export function countNames(
  minute: TrafficWindow | undefined,
  five: TrafficWindow | undefined,
  key: CountKey,
) {
  const names = [...(five?.[key] ?? []), ...(minute?.[key] ?? [])].map((count) => count.name);
  return [...new Set(names)];
}

export type CountKey = 'rejections' | 'payments' | 'notifications';

/** The command that publishes a dead-letter topic's messages back to their topic. */
export const redriveCommand = (topic: string): string => `npm run cli -- dead-letters redrive ${topic}`;

/** "3 dead letters" for a heading or a hint. */
export function totalDeadLetters(view: SystemView): number {
  return (view.backlogs?.deadLetters ?? []).reduce((total, topic) => total + topic.count, 0);
}
