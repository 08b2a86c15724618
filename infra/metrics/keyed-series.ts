import type { Registry } from 'prom-client';

type Labels<Name extends string> = Readonly<Record<Name, string>>;
type Value = {
  readonly labels: Record<string, string | number>;
  readonly value: number;
  readonly metricName: string;
};

/**
 * What prom-client's registry asks of a metric: its name, type and help, and its samples on `get()`.
 * The series here are recorded on the request path. prom-client's own instruments validate, copy and
 * hash the label object on every observation (measured: benchmarks/RESULTS.md, "Metrics on and off").
 * These look a series up by a key the caller builds from values it already has, and make the label
 * object once, when the series is first seen. The page's text and JSON are still the registry's.
 */
abstract class KeyedSeries<Name extends string, Series> {
  protected readonly series = new Map<string, Series>();
  readonly aggregator = 'sum';

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'histogram',
    readonly labelNames: readonly Name[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  /** The registry's view: the format prom-client's own instruments answer. */
  async get(): Promise<{ name: string; help: string; type: string; values: Value[]; aggregator: string }> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values: this.values(),
      aggregator: this.aggregator,
    };
  }

  reset(): void {
    this.series.clear();
  }

  protected abstract values(): Value[];
}

type CounterSeries = { readonly labels: Record<string, string>; value: number };

export class KeyedCounter<Name extends string> extends KeyedSeries<Name, CounterSeries> {
  constructor(name: string, help: string, labelNames: readonly Name[], registry: Registry) {
    super(name, help, 'counter', labelNames, registry);
  }

  /** `key` identifies `labels()` (e.g. their values joined); `labels` is called only for a new series. */
  inc(key: string, labels: () => Labels<Name>, by = 1): void {
    let series = this.series.get(key);
    if (!series) this.series.set(key, (series = { labels: { ...labels() }, value: 0 }));
    series.value += by;
  }

  protected values(): Value[] {
    return [...this.series.values()].map(({ labels, value }) => ({ labels, value, metricName: this.name }));
  }
}

type HistogramSeries = {
  readonly labels: Record<string, string>;
  readonly counts: Float64Array;
  sum: number;
};

export class KeyedHistogram<Name extends string> extends KeyedSeries<Name, HistogramSeries> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly Name[],
    private readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    super(name, help, 'histogram', labelNames, registry);
  }

  /** `key` identifies `labels()` (e.g. their values joined); `labels` is called only for a new series. */
  observe(key: string, labels: () => Labels<Name>, value: number): void {
    let series = this.series.get(key);
    if (!series) {
      const counts = new Float64Array(this.upperBounds.length + 1);
      this.series.set(key, (series = { labels: { ...labels() }, counts, sum: 0 }));
    }
    let bucket = 0;
    while (bucket < this.upperBounds.length && value > this.upperBounds[bucket]!) bucket += 1;
    series.counts[bucket]! += 1;
    series.sum += value;
  }

  /** Cumulative buckets (`le`, `+Inf` last), then `_sum` and `_count`, per series. */
  protected values(): Value[] {
    const values: Value[] = [];
    for (const { labels, counts, sum } of this.series.values()) {
      let cumulative = 0;
      counts.forEach((count, index) => {
        cumulative += count;
        const le = index < this.upperBounds.length ? this.upperBounds[index]! : '+Inf';
        values.push({ labels: { ...labels, le }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: cumulative, metricName: `${this.name}_count` });
    }
    return values;
  }
}
