/** One series' value: a counter, or one of a histogram's `_bucket`/`_count`/`_sum` series. */
export type Sample = {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
};

/** The counters of interest at one instant (`at`, milliseconds), by series. */
export type Snapshot = { readonly at: number; readonly series: ReadonlyMap<string, Sample> };

const seriesKey = (sample: Sample): string =>
  `${sample.name}{${Object.keys(sample.labels)
    .sort()
    .map((label) => `${label}=${JSON.stringify(sample.labels[label])}`)
    .join(',')}}`;

export function snapshot(at: number, samples: Iterable<Sample>): Snapshot {
  const series = new Map<string, Sample>();
  for (const sample of samples) series.set(seriesKey(sample), sample);
  return { at, series };
}

/**
 * How much each series of `current` grew since `base`, as Prometheus's `increase` sees two points: a
 * series absent from `base` grew from 0, and one that fell was reset (a new process, a reset registry)
 * and grew from 0 to its value since. Each histogram bucket is a series of its own, as in Prometheus.
 */
export function increase(current: Snapshot, base: Snapshot | undefined): Sample[] {
  return [...current.series].map(([key, sample]) => {
    const before = base?.series.get(key)?.value ?? 0;
    return { ...sample, value: sample.value >= before ? sample.value - before : sample.value };
  });
}

/**
 * A short ring of snapshots, oldest first, kept just long enough that a window of `keepMs` ending now
 * still finds the snapshot it starts from.
 */
export class CounterHistory {
  private readonly snapshots: Snapshot[] = [];

  constructor(private readonly keepMs: number) {}

  get size(): number {
    return this.snapshots.length;
  }

  record(taken: Snapshot): void {
    this.snapshots.push(taken);
    // The oldest is no longer needed once the next one is itself at least keepMs old.
    while (this.snapshots.length > 1 && this.snapshots[1]!.at <= taken.at - this.keepMs)
      this.snapshots.shift();
  }

  /**
   * Where a window of `ms` ending at `now` starts: the newest snapshot at or before `now - ms`, or the
   * oldest there is while the history is younger than the window. Undefined before the first snapshot.
   */
  baseFor(now: number, ms: number): Snapshot | undefined {
    const start = now - ms;
    let base = this.snapshots[0];
    for (const candidate of this.snapshots) {
      if (candidate.at > start) break;
      base = candidate;
    }
    return base;
  }
}
