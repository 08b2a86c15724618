import type { DocumentStore } from '../../infra/ports/document-store';
import type { EventStore, LogHead } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import type { BusGroup, BusReader } from './bus-groups';
import {
  adminApiPositions,
  documentCheckpoints,
  logFollowers,
  oldestUnprocessed,
  reachedHead,
  sqlCheckpoints,
  type FollowerPoint,
  type LogFollower,
} from './log-followers';

/** One follower at one sample. */
export type FollowerState = {
  /** Log followers: events of the log from the oldest one it has not processed to the head. Bus groups: messages not consumed. */
  readonly lagEvents: number;
  /** Age of the oldest event (message) it has not processed, when it can be read directly. */
  readonly lagSeconds?: number;
  /** Bus groups: committed and end offsets per partition (Kafka's lag in seconds is derived from them). */
  readonly offsets?: { readonly committed: readonly number[]; readonly end: readonly number[] };
  /** Not readable yet (its state row or document does not exist). */
  readonly unknown?: true;
};

export type Sample = {
  /** ms since the probe started. */
  readonly t: number;
  /** Position of the log's head (the last readable event). */
  readonly head: number;
  /** Messages published to the integration topics so far. */
  readonly published: number;
  readonly followers: Readonly<Record<string, FollowerState>>;
  /** The saga's scheduled commands: pending, and pending whose time has come (read once a second). */
  readonly sagaCommands?: { readonly pending: number; readonly due: number };
  readonly error?: string;
};

export type ProbeOptions = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  /** Where the document projections' positions come from. */
  readonly documents:
    | { readonly from: 'store'; readonly store: DocumentStore }
    | { readonly from: 'admin-api'; readonly url: string; readonly token: string };
  readonly bus: BusReader;
  readonly groups: readonly BusGroup[];
  readonly intervalMs: number;
  readonly sagaCommandsEveryMs?: number;
};

/**
 * Samples every follower's lag every `intervalMs` (a sample starts when the last one ended and the
 * interval passed): positions and checkpoints from where the followers keep them, the oldest event
 * each has not processed from the log itself.
 */
export class Probe {
  readonly samples: Sample[] = [];
  private readonly origin = performance.now();
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastSagaRead = -Infinity;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: ProbeOptions) {}

  /** ms since the probe started, on the samples' clock. */
  now(): number {
    return performance.now() - this.origin;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /**
   * Resolves with the time of the first sample taken at or after `from` (default: now) in which every
   * follower is caught up (nothing left to process); undefined when there is none within `timeoutMs`.
   */
  async untilCaughtUp(timeoutMs: number, from = this.now()): Promise<number | undefined> {
    const deadline = this.now() + timeoutMs;
    for (;;) {
      const found = this.samples.find((sample) => sample.t >= from && allCaughtUp(sample));
      if (found) return found.t;
      if (this.now() > deadline || this.stopped) return undefined;
      await new Promise<void>((resolve) => {
        this.waiters.add(resolve);
      });
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const started = this.now();
      this.samples.push(await this.sample().catch((error: unknown) => this.failed(started, error)));
      for (const wake of this.waiters) wake();
      this.waiters.clear();
      const wait = this.options.intervalMs - (this.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    for (const wake of this.waiters) wake();
  }

  private failed(t: number, error: unknown): Sample {
    return {
      t,
      head: 0,
      published: 0,
      followers: {},
      error: error instanceof Error ? error.message : String(error),
    };
  }

  private async sample(): Promise<Sample> {
    const { sql, store, bus, groups } = this.options;
    const t = this.now();
    const readSaga = t - this.lastSagaRead >= (this.options.sagaCommandsEveryMs ?? 1000);
    const [head, stored, documents, { published, groups: offsets }, sagaCommands] = await Promise.all([
      store.head(),
      sqlCheckpoints(sql),
      this.documentPoints(),
      bus.read(groups),
      readSaga ? this.sagaCommands() : Promise.resolve(undefined),
    ]);
    if (readSaga) this.lastSagaRead = t;
    const followers: Record<string, FollowerState> = {};
    await Promise.all(
      logFollowers.map(async (follower) => {
        followers[follower.name] = await this.logFollowerState(follower, head, stored, documents);
      }),
    );
    groups.forEach((group, index) => {
      const { committed, end, oldestAgeSeconds } = offsets[index]!;
      const lag = end.reduce(
        (sum, value, partition) => sum + Math.max(0, value - (committed[partition] ?? 0)),
        0,
      );
      followers[group.name] = {
        lagEvents: lag,
        ...(oldestAgeSeconds === undefined ? {} : { lagSeconds: lag === 0 ? 0 : oldestAgeSeconds }),
        offsets: { committed, end },
        ...(end.length === 0 ? { unknown: true as const } : {}),
      };
    });
    return { t, head: head.position, published, followers, ...(sagaCommands ? { sagaCommands } : {}) };
  }

  private async logFollowerState(
    follower: LogFollower,
    head: LogHead,
    stored: Map<string, FollowerPoint>,
    documents: Map<string, FollowerPoint & { lag?: number }>,
  ): Promise<FollowerState> {
    const point = stored.get(follower.name) ?? documents.get(follower.name);
    if (!point) return { lagEvents: head.position, unknown: true };
    if (reachedHead(point, head) || ('lag' in point && point.lag === 0))
      return { lagEvents: 0, lagSeconds: 0 };
    const oldest = await oldestUnprocessed(this.options.sql, point, follower.filter);
    if (!oldest) return { lagEvents: 0, lagSeconds: 0 };
    return {
      lagEvents: Math.max(1, head.position - oldest.position + 1),
      lagSeconds: oldest.ageSeconds,
    };
  }

  private async documentPoints(): Promise<Map<string, FollowerPoint & { lag?: number }>> {
    const { documents } = this.options;
    if (documents.from === 'store') return documentCheckpoints(documents.store);
    const positions = await adminApiPositions(documents.url, documents.token);
    return new Map([...positions].map(([name, { position, lag }]) => [name, { position, lag }] as const));
  }

  private async sagaCommands(): Promise<{ pending: number; due: number } | undefined> {
    const [present] = await this.options.sql.query<{ present: boolean }>(
      `SELECT to_regclass('saga_commands') IS NOT NULL AS present`,
    );
    if (!present?.present) return undefined;
    const [row] = await this.options.sql.query<{ pending: string; due: string }>(
      `SELECT count(*)::text AS pending, count(*) FILTER (WHERE due_at <= now())::text AS due
         FROM saga_commands WHERE status = 'pending'`,
    );
    return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0) };
  }
}

/** Every follower readable and with nothing left to process. */
export function allCaughtUp(sample: Sample): boolean {
  if (sample.error) return false;
  const states = Object.values(sample.followers);
  return states.length > 0 && states.every((state) => !state.unknown && state.lagEvents === 0);
}
