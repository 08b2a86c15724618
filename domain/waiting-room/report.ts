import type { WaitingRoomEvent } from './events';

/** How the queue has gone so far, from its recorded events (the organizer's live view). */
export type QueueReport = {
  /** Buyers let in during the minute before `now`. */
  readonly admittedLastMinute: number;
  readonly admittedTotal: number;
  /** From taking a place (the shuffle, for the pre-queue) to being let in; null before anyone was. */
  readonly medianWaitSeconds: number | null;
  /** The wait each admitted buyer was told when they took their place, against the wait they had. */
  readonly estimates: {
    readonly samples: number;
    readonly medianErrorSeconds: number | null;
    /** Share (0–1) of estimates within 20 % of the actual wait (or 10 s, for short waits). */
    readonly withinTwentyPercent: number | null;
  };
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Replays the queue's events. Each place's estimate is recomputed as the buyer saw it when the place
 * was recorded (`waitEstimate`'s formula: the places ahead not yet let in, plus one, at the rate), with
 * the admission rate given; a rate changed during the sale makes earlier estimates look worse or better
 * than they were.
 */
export function queueReport(
  events: readonly WaitingRoomEvent[],
  input: { readonly now: number; readonly admissionPerMinute: number },
): QueueReport {
  const placedAt = new Map<number, number>();
  const estimateOf = new Map<number, number>();
  let admittedUpTo = 0;
  let admittedLastMinute = 0;
  const waits: number[] = [];
  const errors: number[] = [];
  let close = 0;
  let admittedTotal = 0;
  const place = (seq: number, at: number) => {
    placedAt.set(seq, at);
    estimateOf.set(seq, ((seq - admittedUpTo) * 60) / input.admissionPerMinute);
  };
  for (const event of events) {
    const at = Date.parse(event.data.occurredAt);
    switch (event.type) {
      case 'QueueJoinsRecorded':
        for (const join of event.data.joins) {
          if (join.seq !== null) place(join.seq, Math.min(at, Date.parse(join.joinedAt)));
        }
        break;
      case 'QueueShuffled':
        for (let seq = 1; seq <= event.data.prequeueCount; seq += 1) place(seq, at);
        break;
      case 'BuyersAdmitted':
        admittedTotal += event.data.userIds.length;
        if (at >= input.now - 60_000) admittedLastMinute += event.data.userIds.length;
        for (let seq = event.data.fromSeq; seq <= event.data.toSeq; seq += 1) {
          const from = placedAt.get(seq);
          if (from === undefined) continue;
          const actual = Math.max(0, at - from) / 1000;
          const estimate = estimateOf.get(seq)!;
          waits.push(actual);
          errors.push(Math.abs(estimate - actual));
          if (Math.abs(estimate - actual) <= Math.max(10, actual * 0.2)) close += 1;
        }
        admittedUpTo = Math.max(admittedUpTo, event.data.toSeq);
        break;
    }
  }
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    admittedLastMinute,
    admittedTotal,
    medianWaitSeconds: round(median(waits)),
    estimates: {
      samples: errors.length,
      medianErrorSeconds: round(median(errors)),
      withinTwentyPercent: errors.length === 0 ? null : Math.round((close / errors.length) * 1000) / 1000,
    },
  };
}
