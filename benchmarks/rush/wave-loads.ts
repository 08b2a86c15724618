import type { LoadGeneratorName, LoadPlan, LoadResult } from '../load/load-plan';
import { wrkThreadsFor } from '../load/wrk-load';
import { driveLoad } from './drive-load';

/**
 * Buyers for `requests` one-seat holds on one event, none over `perBuyer` (the event's limit). The
 * generators hand buyers out round robin; wrk's threads each take every T-th buyer and an equal share
 * of the requests, so the count is a multiple of T that covers each thread's share.
 */
export function buyersNeeded(
  requests: number,
  perBuyer: number,
  plan: { generator: LoadGeneratorName; connections: number },
): number {
  const threads = plan.generator === 'wrk' ? wrkThreadsFor({ connections: plan.connections }) : 1;
  return threads * Math.ceil(Math.ceil(requests / threads) / perBuyer);
}

/** A load and when (on the probe's clock, ms) it started and stopped. */
export type TimedLoad = {
  readonly load: LoadResult;
  readonly started: number;
  readonly stopped: number;
  /** The generator's pid (its CPU row). */
  readonly pid: number;
};

/**
 * Runs one load to its end, noting its start and stop on `now()`'s clock and calling `onStarted` /
 * `onStopped` right then (the caller samples CPU there).
 */
export async function timedLoad(
  plan: LoadPlan,
  logFile: string,
  now: () => number,
  hooks: { onSpawned?: (pid: number) => void; onStarted?: () => void; onStopped?: () => void } = {},
): Promise<TimedLoad> {
  let started: number | undefined;
  let stopped: number | undefined;
  let pid = 0;
  const load = await driveLoad(plan, logFile, {
    onSpawned: (spawned) => {
      pid = spawned;
      hooks.onSpawned?.(spawned);
    },
    onStarted: () => {
      started = now();
      hooks.onStarted?.();
    },
    onStopped: () => {
      stopped = now();
      hooks.onStopped?.();
    },
  });
  if (started === undefined || stopped === undefined)
    throw new Error(`the load generator never reported its start and stop (log: ${logFile})`);
  return { load, started, stopped, pid };
}
