import type { QueueDecision } from './api';

/** Admissions over time against the room's configured rate. All times are seconds after the sale's start. */
export type AdmissionFigures = {
  readonly targetPerMinute: number;
  /** When the queue was shuffled (the sale's start as the worker saw it), after the configured start. */
  readonly shuffleLagSeconds: number | null;
  /** Buyers the pre-queue held at the shuffle. */
  readonly prequeued: number | null;
  readonly admitted: number;
  /** `BuyersAdmitted` events (admission steps that let someone in). */
  readonly batches: number;
  readonly firstBatch: { readonly atSeconds: number; readonly buyers: number } | null;
  readonly lastAdmissionSeconds: number | null;
  /** Admitted per minute over the window from the sale's start to its end. */
  readonly achievedPerMinute: number;
  /** Admitted within 10 s of the first admission (its first step included), against the target's 10 s. */
  readonly firstTenSeconds: { readonly admitted: number; readonly target: number } | null;
  /**
   * The rate from 10 s after the first admission (past a start-up burst) to the last one (a line let in
   * entirely leaves idle time after it): the steps after the start over the time; null when that is no time.
   */
  readonly steadyPerMinute: number | null;
  /** Admitted in each whole minute after the sale's start (a last, partial minute left out). */
  readonly perMinute: readonly number[];
  /** Admitted in each 10 s after the sale's start, up to the window's end. */
  readonly perTenSeconds: readonly number[];
  readonly windowSeconds: number;
  /** Each admission step (log only): stored and decided, seconds after the sale's start, and its buyers. */
  readonly steps: readonly { readonly at: number; readonly decided?: number; readonly buyers: number }[];
};

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Counts of `times` (seconds) in buckets of `width` s over [0, end). */
function buckets(times: readonly { at: number; count: number }[], width: number, end: number): number[] {
  const out = new Array<number>(Math.max(0, Math.ceil(end / width))).fill(0);
  for (const { at, count } of times) {
    const index = Math.floor(at / width);
    if (index >= 0 && index < out.length) out[index]! += count;
  }
  return out;
}

/**
 * From the log's decisions: admissions (`BuyersAdmitted`, `toSeq − fromSeq + 1` each) within the window
 * from the sale's start to `windowEndEpochMs`, at the time the log stored each (`createdAt`: the passes
 * are granted right after); each step also keeps when the worker decided it (`occurredAt`, its step's
 * start), so a slow step shows.
 */
export function admissionFromLog(
  decisions: readonly QueueDecision[],
  saleStartsAtEpochMs: number,
  windowEndEpochMs: number,
  targetPerMinute: number,
): AdmissionFigures {
  const after = (iso: string) => (Date.parse(iso) - saleStartsAtEpochMs) / 1000;
  const shuffled = decisions.find((decision) => decision.type === 'QueueShuffled');
  const windowSeconds = (windowEndEpochMs - saleStartsAtEpochMs) / 1000;
  const admissions = decisions
    .filter((decision) => decision.type === 'BuyersAdmitted')
    .map((decision) => ({
      at: after(decision.createdAt),
      decided: after(decision.data.occurredAt ?? decision.createdAt),
      count: (decision.data.toSeq ?? 0) - (decision.data.fromSeq ?? 1) + 1,
    }))
    .filter((admission) => admission.at <= windowSeconds);
  return summarize(admissions, windowSeconds, targetPerMinute, {
    shuffleLagSeconds: shuffled ? round1(after(shuffled.createdAt)) : null,
    prequeued: shuffled?.data.prequeueCount ?? null,
  });
}

/**
 * From the buyers' side: when each first read `admitted` (seconds after the sale's start). Later than
 * the log's time by up to the read interval and the read's own latency.
 */
export function admissionFromStatus(
  seenAtSeconds: readonly number[],
  windowSeconds: number,
  targetPerMinute: number,
): AdmissionFigures {
  const figures = summarize(
    seenAtSeconds.filter((at) => at <= windowSeconds).map((at) => ({ at, count: 1 })),
    windowSeconds,
    targetPerMinute,
    { shuffleLagSeconds: null, prequeued: null },
  );
  // One step per buyer: the buckets say it all.
  return { ...figures, steps: [] };
}

function summarize(
  admissions: readonly { at: number; count: number; decided?: number }[],
  windowSeconds: number,
  targetPerMinute: number,
  extra: { shuffleLagSeconds: number | null; prequeued: number | null },
): AdmissionFigures {
  const sorted = [...admissions].sort((a, b) => a.at - b.at);
  const admitted = sorted.reduce((sum, admission) => sum + admission.count, 0);
  const first = sorted[0];
  const last = sorted.at(-1);
  const after = (from: number) =>
    sorted.filter((admission) => admission.at > from).reduce((sum, a) => sum + a.count, 0);
  const within = (from: number, to: number) =>
    sorted
      .filter((admission) => admission.at >= from && admission.at < to)
      .reduce((sum, a) => sum + a.count, 0);
  const steadyFrom = first ? first.at + 10 : Number.NaN;
  // Up to the last admission, not the window's end: a line let in entirely leaves idle time after it.
  const steadySeconds = (last?.at ?? Number.NaN) - steadyFrom;
  return {
    targetPerMinute,
    ...extra,
    admitted,
    batches: sorted.length,
    firstBatch: first ? { atSeconds: round1(first.at), buyers: first.count } : null,
    lastAdmissionSeconds: last ? round1(last.at) : null,
    achievedPerMinute: windowSeconds > 0 ? Math.round((admitted / windowSeconds) * 60) : Number.NaN,
    firstTenSeconds: first
      ? { admitted: within(first.at, steadyFrom), target: Math.round(targetPerMinute / 6) }
      : null,
    steadyPerMinute: steadySeconds > 0 ? Math.round((after(steadyFrom) / steadySeconds) * 60) : null,
    perMinute: buckets(sorted, 60, Math.floor(windowSeconds / 60) * 60),
    perTenSeconds: buckets(sorted, 10, windowSeconds),
    windowSeconds: round1(windowSeconds),
    steps: sorted.map((admission) => ({
      at: round2(admission.at),
      ...(admission.decided === undefined ? {} : { decided: round2(admission.decided) }),
      buyers: admission.count,
    })),
  };
}

/** How the wait the status promised compared with the wait the buyers had (admitted buyers only). */
export function waitEstimateAccuracy(
  pairs: readonly { readonly promisedSeconds: number; readonly actualSeconds: number }[],
): { samples: number; medianErrorSeconds: number | null; withinTwentyPercent: number | null } {
  if (pairs.length === 0) return { samples: 0, medianErrorSeconds: null, withinTwentyPercent: null };
  const errors = pairs
    .map((pair) => Math.abs(pair.actualSeconds - pair.promisedSeconds))
    .sort((a, b) => a - b);
  const within = pairs.filter(
    (pair) => Math.abs(pair.actualSeconds - pair.promisedSeconds) <= 0.2 * Math.max(pair.promisedSeconds, 1),
  ).length;
  return {
    samples: pairs.length,
    medianErrorSeconds: round1(errors[Math.floor(errors.length / 2)]!),
    withinTwentyPercent: Math.round((within / pairs.length) * 1000) / 1000,
  };
}
