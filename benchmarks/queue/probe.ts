import { join } from 'node:path';
import type { LoadPlan, LoadResult } from '../load/load-plan';
import { buyersNeeded } from '../rush/wave-loads';
import { driveLoad } from '../rush/drive-load';

export type ProbeTarget = {
  readonly url: string;
  readonly jwtSecret: string;
  readonly tag: string;
  readonly zoneId: string;
  readonly rate: number;
  readonly connections: number;
  readonly timeoutSeconds: number;
  readonly dir: string;
  /** Buyer numbers handed out so far (the storm's buyers come first): no two requests share a buyer. */
  nextBuyer: number;
};

export type ProbeRun = {
  readonly load: LoadResult;
  /** The probe's process (wrk's parent: its CPU row). */
  readonly pid: number;
};

/**
 * The hold path on the event without a waiting room: one-seat holds at a paced rate by wrk
 * (`benchmarks/load`'s generator in a process of its own, a distinct buyer and Idempotency-Key per
 * request), so its latencies are the server's, not the storm generator's busy event loop.
 * `onStarted` is called when the first request goes out.
 */
export async function runProbe(
  target: ProbeTarget,
  label: string,
  seconds: number,
  hooks: { onSpawned?: (pid: number) => void; onStarted?: () => void } = {},
): Promise<ProbeRun> {
  const requests = Math.ceil(target.rate * seconds) + target.connections;
  const count = buyersNeeded(requests, 1, { generator: 'wrk', connections: target.connections });
  const first = target.nextBuyer;
  target.nextBuyer += count;
  const plan: LoadPlan = {
    url: target.url,
    connections: target.connections,
    durationSeconds: seconds,
    overallRate: target.rate,
    timeoutSeconds: target.timeoutSeconds,
    zoneIds: [target.zoneId],
    quantity: 1,
    buyers: { tag: target.tag, first, count },
    jwtSecret: target.jwtSecret,
    keyPrefix: `${target.tag}-probe-${label}-`,
    idsFile: join(target.dir, `probe-${label}.ids`),
    generator: 'wrk',
  };
  let pid = 0;
  const load = await driveLoad(plan, join(target.dir, `probe-${label}.log`), {
    onSpawned: (spawned) => {
      pid = spawned;
      hooks.onSpawned?.(spawned);
    },
    ...(hooks.onStarted ? { onStarted: hooks.onStarted } : {}),
  });
  return { load, pid };
}
