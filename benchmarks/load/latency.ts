/** Every response's latency (ms) and status, kept raw so percentiles are exact (a 60 s run at 20k/s is 1.2M values). */
export class LatencyLog {
  private latencies = new Float64Array(1 << 16);
  private statuses = new Uint16Array(1 << 16);
  private size = 0;

  record(status: number, ms: number): void {
    if (this.size === this.latencies.length) {
      const latencies = new Float64Array(this.size * 2);
      latencies.set(this.latencies);
      this.latencies = latencies;
      const statuses = new Uint16Array(this.size * 2);
      statuses.set(this.statuses);
      this.statuses = statuses;
    }
    this.latencies[this.size] = ms;
    this.statuses[this.size] = status;
    this.size++;
  }

  /** p50/p90/p99/p99.9/max in ms, of every response or of one status only. */
  summary(status?: number): LatencySummary {
    const values =
      status === undefined
        ? this.latencies.slice(0, this.size)
        : this.latencies.slice(0, this.size).filter((_, index) => this.statuses[index] === status);
    return summarize(values);
  }

  statusCodes(): number[] {
    return [...new Set(this.statuses.subarray(0, this.size))].sort();
  }
}

export type LatencySummary = {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
};

function summarize(values: Float64Array): LatencySummary {
  values.sort();
  const at = (q: number) =>
    values.length === 0 ? Number.NaN : values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    count: values.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    p999: round(at(0.999)),
    max: round(values.length === 0 ? Number.NaN : values[values.length - 1]!),
  };
}
