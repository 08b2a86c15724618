// The one list of the metrics Booking Rush exports on /metrics (issue 18). Dashboards and alert rules may
// name only these (infra/observability/dashboards.test.ts checks every panel); the app's own tests can
// check that each is really exported, with these labels.

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricSpec {
  readonly name: string;
  readonly type: MetricType;
  /** The labels the process sets (Prometheus adds `job` and `instance`; histograms have `le`). */
  readonly labels: readonly string[];
  /** Where it comes from: the product's own code, or prom-client's default Node metrics. */
  readonly source: 'booking-rush' | 'prom-client';
}

const follower = ['follower'] as const;
const command = ['command'] as const;

export const metrics: readonly MetricSpec[] = [
  // HTTP, every role (OpenTelemetry's semantic names). `http_route` is the route template, `unmatched` for 404s.
  {
    name: 'http_server_request_duration_seconds',
    type: 'histogram',
    labels: ['http_request_method', 'http_route', 'http_response_status_code'],
    source: 'booking-rush',
  },
  // The hot path: `outcome` held | rejected, `reason` none or an error code (SOLD_OUT, LIMIT_EXCEEDED…).
  {
    name: 'booking_rush_holds_total',
    type: 'counter',
    labels: ['outcome', 'reason'],
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_zone_seats_available',
    type: 'gauge',
    labels: ['event_id', 'zone_id'],
    source: 'booking-rush',
  },
  // The event store's group commit.
  {
    name: 'booking_rush_event_store_group_commit_batch_size',
    type: 'histogram',
    labels: [],
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_event_store_group_commit_flush_duration_seconds',
    type: 'histogram',
    labels: [],
    source: 'booking-rush',
  },
  // Log followers: `follower` is projection:<name>, documents:<name>, saga, relay…
  { name: 'booking_rush_follower_lag_events', type: 'gauge', labels: follower, source: 'booking-rush' },
  { name: 'booking_rush_follower_lag_seconds', type: 'gauge', labels: follower, source: 'booking-rush' },
  {
    name: 'booking_rush_follower_batch_duration_seconds',
    type: 'histogram',
    labels: follower,
    source: 'booking-rush',
  },
  { name: 'booking_rush_follower_events_total', type: 'counter', labels: follower, source: 'booking-rush' },
  { name: 'booking_rush_follower_failures_total', type: 'counter', labels: follower, source: 'booking-rush' },
  // The booking saga's durable commands.
  {
    name: 'booking_rush_saga_commands_scheduled_total',
    type: 'counter',
    labels: command,
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_saga_commands_completed_total',
    type: 'counter',
    labels: command,
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_saga_commands_failed_total',
    type: 'counter',
    labels: command,
    source: 'booking-rush',
  },
  { name: 'booking_rush_saga_commands_due', type: 'gauge', labels: [], source: 'booking-rush' },
  // Integration messages parked now.
  { name: 'booking_rush_dead_letters', type: 'gauge', labels: ['topic'], source: 'booking-rush' },
  // `outcome`: succeeded | declined | failed | refunded.
  { name: 'booking_rush_payments_total', type: 'counter', labels: ['outcome'], source: 'booking-rush' },
  // `outcome`: sent | retrying | failed.
  { name: 'booking_rush_notifications_total', type: 'counter', labels: ['outcome'], source: 'booking-rush' },
  // `db_system_name`: postgresql | redis.
  {
    name: 'db_client_operation_duration_seconds',
    type: 'histogram',
    labels: ['db_system_name', 'db_operation_name'],
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_waiting_room_queue_length',
    type: 'gauge',
    labels: ['event_id'],
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_waiting_room_inside',
    type: 'gauge',
    labels: ['event_id'],
    source: 'booking-rush',
  },
  {
    name: 'booking_rush_waiting_room_admitted_total',
    type: 'counter',
    labels: ['event_id'],
    source: 'booking-rush',
  },
  // Always 1.
  { name: 'booking_rush_build_info', type: 'gauge', labels: ['version', 'role'], source: 'booking-rush' },
  // prom-client's default Node metrics (collectDefaultMetrics), the ones the dashboards use.
  { name: 'nodejs_eventloop_lag_p99_seconds', type: 'gauge', labels: [], source: 'prom-client' },
  { name: 'nodejs_heap_size_used_bytes', type: 'gauge', labels: [], source: 'prom-client' },
  { name: 'nodejs_gc_duration_seconds', type: 'histogram', labels: ['kind'], source: 'prom-client' },
  { name: 'process_cpu_seconds_total', type: 'counter', labels: [], source: 'prom-client' },
  { name: 'process_resident_memory_bytes', type: 'gauge', labels: [], source: 'prom-client' },
];

export const metricNames: readonly string[] = metrics.map((metric) => metric.name);

/** The roles Prometheus scrapes, each as job `booking-rush-<role>`. */
export const scrapedRoles = ['command-api', 'saga', 'payment', 'relay', 'notifier', 'start'] as const;
export const jobOf = (role: (typeof scrapedRoles)[number]): string => `booking-rush-${role}`;

/** Labels Prometheus adds to every scraped series. */
export const targetLabels: readonly string[] = ['job', 'instance'];

/** Series Prometheus writes itself for every target; `up` is 1 when the last scrape succeeded. */
export const scrapeSeries: ReadonlyMap<string, readonly string[]> = new Map([['up', targetLabels]]);

/**
 * The series names a query can select and the labels each carries: a histogram is its `_bucket` (with
 * `le`), `_sum` and `_count` series; counters and gauges are their own name.
 */
export function selectableSeries(): ReadonlyMap<string, readonly string[]> {
  const series = new Map<string, readonly string[]>(scrapeSeries);
  for (const metric of metrics) {
    const labels = [...metric.labels, ...targetLabels];
    if (metric.type === 'histogram') {
      series.set(`${metric.name}_bucket`, [...labels, 'le']);
      series.set(`${metric.name}_sum`, labels);
      series.set(`${metric.name}_count`, labels);
    } else {
      series.set(metric.name, labels);
    }
  }
  return series;
}
