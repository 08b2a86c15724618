/**
 * What a process records for its `/metrics` page (docs/observability.md lists every series). Callers see
 * meanings, not a metrics library: the prom-client adapter (infra/metrics) gives them names, units and
 * labels, and `noMetrics` records nothing.
 */

/** How far a log follower is behind: events not yet applied, and the age of the oldest of them. */
export type FollowerLag = { readonly events: number; readonly seconds: number };

/** One follower's recorder, from `Metrics.follower`. */
export interface FollowerMeter {
  /** A page taken in: how many events it held and how long handling and committing took. */
  batch(events: number, seconds: number): void;
  /** A page that failed and will be retried. */
  failure(): void;
  /** Stops reporting this follower (its lag series disappear). */
  close(): void;
}

export type HoldOutcome = 'held' | 'rejected';
export type SagaCommandStage = 'scheduled' | 'completed' | 'failed';
export type DbSystem = 'postgresql' | 'redis';

/** Values read when the page is scraped: backlogs and queue lengths that nothing pushes. */
export type SampledGauge =
  'sagaCommandsDue' | 'deadLetters' | 'waitingRoomQueueLength' | 'waitingRoomInside' | 'zoneSeatsAvailable';
export type GaugeSample = { readonly labels?: Readonly<Record<string, string>>; readonly value: number };

export interface Metrics {
  /** One answered HTTP request; `route` is the matched template (`/api/v1/bookings/:id`), never the URL. */
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  /** One reservation's hold attempt at the inventory actor; `reason` is the refusal's code (`none` when held). */
  hold(outcome: HoldOutcome, reason: string): void;
  /** One flush of the event store's group commit: appends written together, and how long it took. */
  groupCommit(appends: number, seconds: number): void;
  /** Starts reporting a log follower: its batches and failures, and its lag read from `lag` when scraped. */
  follower(name: string, lag: () => Promise<FollowerLag | undefined>): FollowerMeter;
  sagaCommand(command: string, stage: SagaCommandStage): void;
  /** A payment request's or refund's outcome: succeeded, declined, failed, refunded. */
  payment(outcome: string): void;
  /** An e-mail's outcome: sent, retrying, failed. */
  notification(outcome: string): void;
  /** One database or Redis operation's duration, by its operation name (`SELECT`, the script's name). */
  dbOperation(system: DbSystem, operation: string, seconds: number): void;
  /** Buyers let in from a waiting room's queue. */
  waitingRoomAdmitted(eventId: string, count: number): void;
  /** Reads `gauge` through `read` whenever the page is scraped; returns the way to stop. */
  sample(gauge: SampledGauge, read: () => Promise<readonly GaugeSample[]>): () => void;
}

const idleMeter: FollowerMeter = { batch() {}, failure() {}, close() {} };

/** Records nothing (tests, tools). */
export const noMetrics: Metrics = {
  httpRequest() {},
  hold() {},
  groupCommit() {},
  follower: () => idleMeter,
  sagaCommand() {},
  payment() {},
  notification() {},
  dbOperation() {},
  waitingRoomAdmitted() {},
  sample: () => () => {},
};

/** `metrics` unless it is `noMetrics`: a hot loop then skips even reading the clock. */
export function recordingOnly(metrics: Metrics): Metrics | undefined {
  return metrics === noMetrics ? undefined : metrics;
}
