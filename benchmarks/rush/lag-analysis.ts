import type { FollowerState, Sample } from './probe';

/** The moments of a rush on the probe's clock (ms): load started, load stopped, sampling ended. */
export type RushWindow = { readonly start: number; readonly stop: number; readonly end: number };

export type FollowerSummary = {
  readonly name: string;
  /** Largest lag from the load's start until sampling ended (events of the log; messages for bus groups). */
  readonly maxLagEvents: number;
  /** Largest lag in seconds over the same window (see `lagSecondsAt`). */
  readonly maxLagSeconds: number;
  /** The follower was still behind when sampling ended, so `maxLagSeconds` is a lower bound. */
  readonly lagSecondsLowerBound: boolean;
  /** Lag at the first sample once the load stopped. */
  readonly lagAtStop: number;
  /**
   * From the load's stop to the first sample after it with nothing left to process (0 when that is the
   * very first sample after the stop); undefined: never within the wait.
   */
  readonly catchUpSeconds: number | undefined;
};

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const within = (samples: readonly Sample[], from: number, to: number) =>
  samples.filter((sample) => !sample.error && sample.t >= from && sample.t <= to);

/**
 * Lag in seconds of one follower at sample `index`: the age of the oldest event it had not processed
 * when that was read directly (log followers, the in-process bus); otherwise (Kafka groups) the time
 * until its committed offsets passed the end offsets of that sample, to the sampling resolution, or
 * until the last sample when they never did (`lowerBound`).
 */
export function lagSecondsAt(
  samples: readonly Sample[],
  name: string,
  index: number,
): { seconds: number; lowerBound: boolean } {
  const state = samples[index]!.followers[name];
  if (!state || state.lagEvents === 0) return { seconds: 0, lowerBound: false };
  if (state.lagSeconds !== undefined) return { seconds: state.lagSeconds, lowerBound: false };
  const end = state.offsets?.end ?? [];
  for (let later = index; later < samples.length; later++) {
    const committed = samples[later]!.followers[name]?.offsets?.committed;
    if (committed && committed.length === end.length && end.every((value, p) => committed[p]! >= value)) {
      return { seconds: (samples[later]!.t - samples[index]!.t) / 1000, lowerBound: false };
    }
  }
  return { seconds: (samples.at(-1)!.t - samples[index]!.t) / 1000, lowerBound: true };
}

export function summarizeFollower(
  samples: readonly Sample[],
  name: string,
  window: RushWindow,
): FollowerSummary {
  const inWindow = samples
    .map((sample, index) => ({ sample, index }))
    .filter(({ sample }) => !sample.error && sample.t >= window.start && sample.t <= window.end);
  let maxLagEvents = 0;
  let maxLagSeconds = 0;
  let lowerBound = false;
  for (const { sample, index } of inWindow) {
    const state: FollowerState | undefined = sample.followers[name];
    if (!state) continue;
    maxLagEvents = Math.max(maxLagEvents, state.lagEvents);
    const lag = lagSecondsAt(samples, name, index);
    if (lag.seconds > maxLagSeconds) {
      maxLagSeconds = lag.seconds;
      lowerBound = lag.lowerBound;
    }
  }
  const afterStop = inWindow.filter(({ sample }) => sample.t >= window.stop);
  const caughtUp = afterStop.find(({ sample }) => {
    const state = sample.followers[name];
    return state !== undefined && !state.unknown && state.lagEvents === 0;
  });
  return {
    name,
    maxLagEvents,
    maxLagSeconds: round(maxLagSeconds),
    lagSecondsLowerBound: lowerBound,
    lagAtStop: afterStop[0]?.sample.followers[name]?.lagEvents ?? 0,
    catchUpSeconds: !caughtUp
      ? undefined
      : caughtUp === afterStop[0]
        ? 0
        : round(Math.max(0, caughtUp.sample.t - window.stop) / 1000),
  };
}

export type BacklogSummary = {
  /** Most pending saga commands seen in the window, and most of them due (time come, not yet run). */
  readonly peakPending: number;
  readonly peakDue: number;
  readonly pendingAtEnd: number;
  readonly dueAtEnd: number;
};

export function summarizeSagaCommands(samples: readonly Sample[], window: RushWindow): BacklogSummary {
  const read = within(samples, window.start, window.end).flatMap((sample) =>
    sample.sagaCommands ? [sample.sagaCommands] : [],
  );
  const last = read.at(-1);
  return {
    peakPending: Math.max(0, ...read.map((entry) => entry.pending)),
    peakDue: Math.max(0, ...read.map((entry) => entry.due)),
    pendingAtEnd: last?.pending ?? 0,
    dueAtEnd: last?.due ?? 0,
  };
}

export type RateSummary = {
  /** Per second over the load (from the first sample after its start to the last before its stop). */
  readonly average: number;
  /** Highest rate between two samples about a second apart, over the whole window. */
  readonly peak: number;
  readonly total: number;
};

/** Rate of a growing counter (the log's head, messages published) sampled over the window. */
export function summarizeRate(
  samples: readonly Sample[],
  window: RushWindow,
  counter: (sample: Sample) => number,
): RateSummary {
  const all = within(samples, window.start, window.end);
  const during = within(samples, window.start, window.stop);
  const first = during[0];
  const last = during.at(-1);
  const average =
    first && last && last.t > first.t ? (counter(last) - counter(first)) / ((last.t - first.t) / 1000) : 0;
  let peak = 0;
  let from = 0;
  for (let to = 1; to < all.length; to++) {
    while (all[to]!.t - all[from]!.t > 1000 && from < to - 1) from++;
    const span = (all[to]!.t - all[from]!.t) / 1000;
    if (span >= 0.75) peak = Math.max(peak, (counter(all[to]!) - counter(all[from]!)) / span);
  }
  const total = all.length > 0 ? counter(all.at(-1)!) - counter(all[0]!) : 0;
  return { average: Math.round(average), peak: Math.round(peak), total };
}
