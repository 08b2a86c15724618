import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { KeyedCounter, KeyedHistogram } from './keyed-series';
import type {
  DbSystem,
  FollowerLag,
  FollowerMeter,
  GaugeSample,
  HoldOutcome,
  Metrics,
  SagaCommandStage,
  SampledGauge,
} from '../ports/metrics';
import type { Logger } from '../ports/logger';

/** Seconds: from a cached read (a few ms) to a request stuck behind a saturated event loop. */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const batchSizeBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

type Probe = () => Promise<readonly GaugeSample[]>;

/** The `/metrics` page of one process: the series of docs/observability.md, recorded with prom-client. */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly probes = new Map<SampledGauge, Set<Probe>>();
  private readonly followers = new Map<string, () => Promise<FollowerLag | undefined>>();
  private readonly gaugeNames = new Map<SampledGauge, string>();

  // The three series recorded on every reservation are keyed series (keyed-series.ts): cheaper per call.
  private readonly httpDuration = new KeyedHistogram(
    'http_server_request_duration_seconds',
    'Duration of HTTP requests answered, by method, route template and status code.',
    ['http_request_method', 'http_route', 'http_response_status_code'] as const,
    latencyBuckets,
    this.registry,
  );
  private readonly holds = new KeyedCounter(
    'booking_rush_holds_total',
    'Hold attempts at the inventory actor, by outcome (held, rejected) and refusal reason (none when held).',
    ['outcome', 'reason'] as const,
    this.registry,
  );
  private readonly groupCommitSize = new Histogram({
    name: 'booking_rush_event_store_group_commit_batch_size',
    help: 'Appends written together by one flush of the event store group commit.',
    buckets: batchSizeBuckets,
    registers: [this.registry],
  });
  private readonly groupCommitDuration = new Histogram({
    name: 'booking_rush_event_store_group_commit_flush_duration_seconds',
    help: 'Duration of one flush of the event store group commit.',
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  private readonly followerBatchDuration = new Histogram({
    name: 'booking_rush_follower_batch_duration_seconds',
    help: 'Duration of one page handled by a log follower, read to checkpoint commit.',
    labelNames: ['follower'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  private readonly followerEvents = new Counter({
    name: 'booking_rush_follower_events_total',
    help: 'Events taken in by a log follower.',
    labelNames: ['follower'] as const,
    registers: [this.registry],
  });
  private readonly followerFailures = new Counter({
    name: 'booking_rush_follower_failures_total',
    help: 'Pages a log follower failed to handle (each is retried).',
    labelNames: ['follower'] as const,
    registers: [this.registry],
  });
  private readonly sagaCommands = {
    scheduled: this.sagaCounter('scheduled', 'Commands the booking saga scheduled.'),
    completed: this.sagaCounter('completed', 'Commands the booking saga carried out.'),
    failed: this.sagaCounter(
      'failed',
      'Commands of the booking saga that failed for good (retries spent, or refused outright).',
    ),
  };
  private readonly payments = new Counter({
    name: 'booking_rush_payments_total',
    help: 'Payment and refund outcomes of the payment service (succeeded, declined, failed, refunded).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly notifications = new Counter({
    name: 'booking_rush_notifications_total',
    help: 'E-mail outcomes of the notifier (sent, retrying, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly dbDuration = new KeyedHistogram(
    'db_client_operation_duration_seconds',
    'Duration of PostgreSQL queries and Redis script calls, by system and operation.',
    ['db_system_name', 'db_operation_name'] as const,
    latencyBuckets,
    this.registry,
  );
  private readonly admitted = new Counter({
    name: 'booking_rush_waiting_room_admitted_total',
    help: 'Buyers let in from a waiting room queue, by event.',
    labelNames: ['event_id'] as const,
    registers: [this.registry],
  });

  constructor(
    options: { readonly role: string; readonly version: string },
    private readonly logger: Pick<Logger, 'warn'>,
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'booking_rush_build_info',
      help: 'Always 1: the version and role of the process.',
      labelNames: ['version', 'role'] as const,
      registers: [this.registry],
    }).set({ version: options.version, role: options.role }, 1);
    this.sampledGauge(
      'sagaCommandsDue',
      'booking_rush_saga_commands_due',
      'Saga commands due and not yet done.',
      [],
    );
    this.sampledGauge(
      'deadLetters',
      'booking_rush_dead_letters',
      'Messages parked on dead-letter topics now.',
      ['topic'],
    );
    this.sampledGauge(
      'waitingRoomQueueLength',
      'booking_rush_waiting_room_queue_length',
      'Buyers waiting in a waiting room queue, by event.',
      ['event_id'],
    );
    this.sampledGauge(
      'waitingRoomInside',
      'booking_rush_waiting_room_inside',
      "Buyers inside an event's room now: a pass not yet expired, or a hold taken with one, by event.",
      ['event_id'],
    );
    this.sampledGauge(
      'zoneSeatsAvailable',
      'booking_rush_zone_seats_available',
      'Seats still for sale per zone of the shows on sale, as the inventory actor counts them.',
      ['event_id', 'zone_id'],
    );
    this.followerGauge(
      'booking_rush_follower_lag_events',
      'Events of the log a follower has not applied yet.',
      'events',
    );
    this.followerGauge(
      'booking_rush_follower_lag_seconds',
      'Age of the oldest event a follower has not applied yet (0 when at the head).',
      'seconds',
    );
  }

  /** The page in Prometheus's text format, and its content type. */
  async scrape(): Promise<{ readonly body: string; readonly contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe(
      `${method} ${status} ${route}`,
      () => ({ http_request_method: method, http_route: route, http_response_status_code: String(status) }),
      seconds,
    );
  }

  hold(outcome: HoldOutcome, reason: string): void {
    this.holds.inc(reason, () => ({ outcome, reason }));
  }

  groupCommit(appends: number, seconds: number): void {
    this.groupCommitSize.observe(appends);
    this.groupCommitDuration.observe(seconds);
  }

  follower(name: string, lag: () => Promise<FollowerLag | undefined>): FollowerMeter {
    this.followers.set(name, lag);
    return {
      batch: (events, seconds) => {
        this.followerEvents.inc({ follower: name }, events);
        this.followerBatchDuration.observe({ follower: name }, seconds);
      },
      failure: () => this.followerFailures.inc({ follower: name }),
      close: () => {
        if (this.followers.get(name) === lag) this.followers.delete(name);
      },
    };
  }

  sagaCommand(command: string, stage: SagaCommandStage): void {
    this.sagaCommands[stage].inc({ command });
  }

  payment(outcome: string): void {
    this.payments.inc({ outcome });
  }

  notification(outcome: string): void {
    this.notifications.inc({ outcome });
  }

  dbOperation(system: DbSystem, operation: string, seconds: number): void {
    this.dbDuration.observe(
      `${system} ${operation}`,
      () => ({ db_system_name: system, db_operation_name: operation }),
      seconds,
    );
  }

  waitingRoomAdmitted(eventId: string, count: number): void {
    this.admitted.inc({ event_id: eventId }, count);
  }

  sample(gauge: SampledGauge, read: Probe): () => void {
    let probes = this.probes.get(gauge);
    if (!probes) this.probes.set(gauge, (probes = new Set()));
    probes.add(read);
    return () => probes.delete(read);
  }

  /**
   * What the probes of `gauge` read now (a probe that fails is left out); undefined when nothing in this
   * process reports that gauge (the admin System page tells "none here" from "zero").
   */
  async read(gauge: SampledGauge): Promise<readonly GaugeSample[] | undefined> {
    const probes = this.probes.get(gauge);
    if (!probes || probes.size === 0) return undefined;
    const failed = (error: unknown) => this.scrapeFailed(this.gaugeNames.get(gauge) ?? gauge, error);
    const readings = await Promise.all([...probes].map((read) => read().catch(failed)));
    return readings.flatMap((samples) => samples ?? []);
  }

  /** The followers reporting into this process, each with its lag now (undefined: not known yet, or failed). */
  async followerLags(): Promise<ReadonlyMap<string, FollowerLag | undefined>> {
    const entries = [...this.followers];
    const failed = (error: unknown) => this.scrapeFailed('booking_rush_follower_lag', error);
    const lags = await Promise.all(entries.map(([, lag]) => lag().catch(failed)));
    return new Map(entries.map(([name], index) => [name, lags[index]]));
  }

  private sagaCounter(stage: SagaCommandStage, help: string): Counter<'command'> {
    return new Counter({
      name: `booking_rush_saga_commands_${stage}_total`,
      help,
      labelNames: ['command'] as const,
      registers: [this.registry],
    });
  }

  /** A gauge whose values are read from the probes registered for it, afresh at every scrape. */
  private sampledGauge(gauge: SampledGauge, name: string, help: string, labelNames: readonly string[]): void {
    this.gaugeNames.set(gauge, name);
    const read = () => this.read(gauge);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const sample of (await read()) ?? []) this.set(sample.labels ?? {}, sample.value);
      },
    });
  }

  private followerGauge(name: string, help: string, field: keyof FollowerLag): void {
    const followers = this.followers;
    const failed = (error: unknown) => this.scrapeFailed(name, error);
    new Gauge({
      name,
      help,
      labelNames: ['follower'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const entries = [...followers];
        const lags = await Promise.all(entries.map(([, lag]) => lag().catch(failed)));
        entries.forEach(([follower], index) => {
          const lag = lags[index];
          if (lag) this.set({ follower }, lag[field]);
        });
      },
    });
  }

  /** A probe that failed leaves its series out of this scrape: the page itself never fails for it. */
  private scrapeFailed(name: string, error: unknown): undefined {
    this.logger.warn('metrics probe failed', {
      metric: name,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
