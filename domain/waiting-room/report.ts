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

/**
 * What the report is made of, folded one event at a time so a live view reads only the events recorded
 * since it last looked (the queue's stream holds every join). Places are forgotten once let in.
 */
export class QueueReportFold {
  readonly #placedAt = new Map<number, number>();
  readonly #estimateOf = new Map<number, number>();
  readonly #waits: number[] = [];
  readonly #errors: number[] = [];
  readonly #admissions: { at: number; count: number }[] = [];
  #admittedUpTo = 0;
  #admittedTotal = 0;
  #close = 0;

  /**
   * Each place's estimate is the one the buyer saw when the place was recorded (`waitEstimate`'s
   * formula: the places ahead not yet let in, plus one, at the rate in force when this fold ran).
   */
  apply(event: WaitingRoomEvent, admissionPerMinute: number): void {
    const at = Date.parse(event.data.occurredAt);
    const place = (seq: number, from: number) => {
      this.#placedAt.set(seq, from);
      this.#estimateOf.set(seq, ((seq - this.#admittedUpTo) * 60) / admissionPerMinute);
    };
    switch (event.type) {
      case 'QueueJoinsRecorded':
        for (const join of event.data.joins) {
          if (join.seq !== null) place(join.seq, Math.min(at, Date.parse(join.joinedAt)));
        }
        return;
      case 'QueueShuffled':
        for (let seq = 1; seq <= event.data.prequeueCount; seq += 1) place(seq, at);
        return;
      case 'BuyersAdmitted':
        this.#admittedTotal += event.data.userIds.length;
        this.#admissions.push({ at, count: event.data.userIds.length });
        for (let seq = event.data.fromSeq; seq <= event.data.toSeq; seq += 1) {
          const from = this.#placedAt.get(seq);
          if (from === undefined) continue;
          const actual = Math.max(0, at - from) / 1000;
          const error = Math.abs(this.#estimateOf.get(seq)! - actual);
          this.#waits.push(actual);
          this.#errors.push(error);
          if (error <= Math.max(10, actual * 0.2)) this.#close += 1;
          this.#placedAt.delete(seq);
          this.#estimateOf.delete(seq);
        }
        this.#admittedUpTo = Math.max(this.#admittedUpTo, event.data.toSeq);
        return;
    }
  }

  reportAt(now: number): QueueReport {
    let admittedLastMinute = 0;
    for (let index = this.#admissions.length - 1; index >= 0; index -= 1) {
      const admission = this.#admissions[index]!;
      if (admission.at < now - 60_000) break;
      admittedLastMinute += admission.count;
    }
    const errors = this.#errors.length;
    return {
      admittedLastMinute,
      admittedTotal: this.#admittedTotal,
      medianWaitSeconds: tenths(median(this.#waits)),
      estimates: {
        samples: errors,
        medianErrorSeconds: tenths(median(this.#errors)),
        withinTwentyPercent: errors === 0 ? null : Math.round((this.#close / errors) * 1000) / 1000,
      },
    };
  }
}

const tenths = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
