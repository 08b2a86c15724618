import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import type { Metrics } from '../ports/metrics';
import type {
  Backlogs,
  FollowerFigures,
  NamedCount,
  ProcessFigures,
  SystemReading,
  SystemStatus,
  TrafficWindow,
} from '../ports/system-status';
import { CounterHistory, increase, snapshot, type Sample, type Snapshot } from './counter-history';
import { histogramQuantile } from './histogram-quantile';
import { PrometheusMetrics } from './prometheus-metrics';

/** The series the report diffs, as `PrometheusMetrics` names them. */
const series = {
  http: 'http_server_request_duration_seconds',
  holds: 'booking_rush_holds_total',
  payments: 'booking_rush_payments_total',
  notifications: 'booking_rush_notifications_total',
  followerFailures: 'booking_rush_follower_failures_total',
} as const;

const windows = [
  { window: '1m', ms: 60_000 },
  { window: '5m', ms: 300_000 },
] as const satisfies readonly { window: TrafficWindow['window']; ms: number }[];
const longestWindowMs = 300_000;
/** The event loop monitor's timer, in milliseconds. */
const loopResolutionMs = 10;

export type SystemReportOptions = {
  /** The process's role (SERVICE_NAME) and version. */
  readonly role: string;
  readonly version: string;
  /** How often the counters are snapshotted; default 5 s. */
  readonly intervalMs?: number;
  /** Milliseconds since the epoch; the clock of the windows. */
  readonly now?: () => number;
};

/**
 * The admin System page's figures for this process, read from its `/metrics` registry. Windows need
 * history: every `intervalMs` (5 s) the counters of interest are snapshotted into a ring five minutes
 * long, and a window's figures are the increase from the snapshot at its start to the counters now.
 * HTTP series are summed at snapshot time (buckets by bound, answers by status class), so the ring stays
 * small however many routes there are. With METRICS=off only the process's own figures are answered.
 */
export class SystemReport implements SystemStatus {
  private readonly history = new CounterHistory(longestWindowMs);
  private readonly metrics: PrometheusMetrics | undefined;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private loopDelay: ELDHistogram | undefined;
  private lastLoopP99Seconds: number | null = null;

  constructor(
    metrics: Metrics,
    private readonly options: SystemReportOptions,
  ) {
    this.metrics = metrics instanceof PrometheusMetrics ? metrics : undefined;
    this.intervalMs = options.intervalMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes the first snapshot and one every interval after (the timer never keeps the process alive). */
  async start(): Promise<void> {
    if (!this.metrics || this.timer) return;
    this.loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    this.loopDelay.enable();
    await this.sample();
    this.timer = setInterval(() => void this.sample().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.loopDelay?.disable();
    this.loopDelay = undefined;
    return Promise.resolve();
  }

  /** One snapshot now (the timer's tick; tests call it with their own clock). */
  async sample(): Promise<void> {
    if (!this.metrics) return;
    this.history.record(await this.counters());
    if (this.loopDelay) {
      const delay = this.loopDelay;
      // The monitor records the time between its timer's ticks: the delay is what exceeds the resolution.
      this.lastLoopP99Seconds =
        delay.count > 0 ? Math.max(0, delay.percentile(99) / 1e9 - loopResolutionMs / 1_000) : null;
      delay.reset();
    }
  }

  async read(): Promise<SystemReading> {
    if (!this.metrics) {
      return {
        scope: 'this-process',
        metrics: 'off',
        process: this.process(),
        traffic: [],
        backlogs: null,
        followers: [],
      };
    }
    if (this.history.size === 0) await this.sample();
    const [current, backlogs, lags] = await Promise.all([
      this.counters(),
      this.backlogs(this.metrics),
      this.metrics.followerLags(),
    ]);
    const traffic = windows.map(({ window, ms }) =>
      trafficIn(window, current, this.history.baseFor(current.at, ms)),
    );
    const recent = increase(current, this.history.baseFor(current.at, longestWindowMs));
    const followers = [...lags].map(([name, lag]): FollowerFigures => {
      const labels = { follower: name };
      return {
        name,
        lagEvents: lag?.events ?? null,
        lagSeconds: lag?.seconds ?? null,
        failures: sum([...current.series.values()], series.followerFailures, labels),
        recentFailures: sum(recent, series.followerFailures, labels),
      };
    });
    followers.sort((a, b) => a.name.localeCompare(b.name));
    return { scope: 'this-process', metrics: 'on', process: this.process(), traffic, backlogs, followers };
  }

  private process(): ProcessFigures {
    const memory = process.memoryUsage();
    return {
      role: this.options.role,
      version: this.options.version,
      uptimeSeconds: process.uptime(),
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
      eventLoopLagP99Seconds: this.lastLoopP99Seconds,
    };
  }

  private async backlogs(metrics: PrometheusMetrics): Promise<Backlogs> {
    const [due, deadLetters, queues] = await Promise.all([
      metrics.read('sagaCommandsDue'),
      metrics.read('deadLetters'),
      metrics.read('waitingRoomQueueLength'),
    ]);
    return {
      sagaCommandsDue: due ? due.reduce((total, sample) => total + sample.value, 0) : null,
      deadLetters: deadLetters
        ? deadLetters
            .map((sample) => ({ topic: sample.labels?.topic ?? '', count: sample.value }))
            .sort((a, b) => a.topic.localeCompare(b.topic))
        : null,
      waitingRoomQueues: queues
        ? queues
            .map((sample) => ({ eventId: sample.labels?.event_id ?? '', waiting: sample.value }))
            .sort((a, b) => b.waiting - a.waiting)
        : null,
    };
  }

  /** The counters of interest now; HTTP series summed by bucket bound and by status class. */
  private async counters(): Promise<Snapshot> {
    const registry = this.metrics!.registry;
    const values = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
    const [http, ...counters] = await Promise.all([
      values(series.http),
      values(series.holds),
      values(series.payments),
      values(series.notifications),
      values(series.followerFailures),
    ]);
    const totals = new Map<string, Sample>();
    const add = (name: string, labels: Record<string, string>, value: number) => {
      const key = `${name}${JSON.stringify(labels)}`;
      totals.set(key, { name, labels, value: (totals.get(key)?.value ?? 0) + value });
    };
    for (const value of http) {
      const name = (value as { metricName?: string }).metricName;
      if (name === `${series.http}_bucket`) add(name, { le: String(value.labels.le) }, value.value);
      if (name === `${series.http}_count`) {
        const status = String(value.labels.http_response_status_code ?? '');
        add(name, { class: `${status.charAt(0)}xx` }, value.value);
      }
    }
    const names = [series.holds, series.payments, series.notifications, series.followerFailures];
    counters.forEach((list, index) => {
      for (const value of list) add(names[index]!, stringLabels(value.labels), value.value);
    });
    return snapshot(this.now(), totals.values());
  }
}

function stringLabels(labels: Readonly<Record<string, string | number | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).flatMap(([label, value]) => (value === undefined ? [] : [[label, String(value)]])),
  );
}

const matches = (sample: Sample, name: string, labels: Readonly<Record<string, string>>) =>
  sample.name === name && Object.entries(labels).every(([label, value]) => sample.labels[label] === value);

function sum(
  samples: readonly Sample[],
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  return samples.reduce((total, sample) => (matches(sample, name, labels) ? total + sample.value : total), 0);
}

/** Counts of `name` grouped by one label, most first, zeros left out. */
function countsBy(
  samples: readonly Sample[],
  name: string,
  label: string,
  labels: Readonly<Record<string, string>> = {},
): NamedCount[] {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    const key = sample.labels[label];
    if (key !== undefined && matches(sample, name, labels))
      counts.set(key, (counts.get(key) ?? 0) + sample.value);
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ name: key, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function trafficIn(
  window: TrafficWindow['window'],
  current: Snapshot,
  base: Snapshot | undefined,
): TrafficWindow {
  const grown = increase(current, base);
  const seconds = base ? Math.max(0, (current.at - base.at) / 1_000) : 0;
  const perSecond = (count: number) => (seconds > 0 ? count / seconds : null);
  const answers = `${series.http}_count`;
  const requests = sum(grown, answers);
  const serverErrors = sum(grown, answers, { class: '5xx' });
  const buckets = grown
    .filter((sample) => sample.name === `${series.http}_bucket`)
    .map((sample) => ({
      le: sample.labels.le === '+Inf' ? Infinity : Number(sample.labels.le),
      count: sample.value,
    }));
  const holds = sum(grown, series.holds, { outcome: 'held' });
  return {
    window,
    seconds,
    requests,
    requestsPerSecond: perSecond(requests),
    clientErrors: sum(grown, answers, { class: '4xx' }),
    serverErrors,
    serverErrorRatio: requests > 0 ? serverErrors / requests : null,
    latencyP50Seconds: histogramQuantile(0.5, buckets) ?? null,
    latencyP99Seconds: histogramQuantile(0.99, buckets) ?? null,
    holds,
    holdsPerSecond: perSecond(holds),
    rejections: countsBy(grown, series.holds, 'reason', { outcome: 'rejected' }),
    payments: countsBy(grown, series.payments, 'outcome'),
    notifications: countsBy(grown, series.notifications, 'outcome'),
  };
}
