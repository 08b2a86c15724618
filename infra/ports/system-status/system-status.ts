/**
 * What one process can tell an operator about itself during a sale, for the admin System page: its HTTP
 * traffic over the last minute and five minutes, the hold, payment and e-mail outcomes in them, the
 * backlogs its probes read, its runtime, and the log followers that report their lag into it.
 *
 * Every figure is this process's own (`scope: 'this-process'`): in the distributed deployment each role
 * sees its own traffic, and the fleet-wide view is Prometheus's and Grafana's.
 */
export interface SystemStatus {
  read(): Promise<SystemReading>;
}

/** A count under a name: a refusal's reason, a payment's or an e-mail's outcome. */
export type NamedCount = { readonly name: string; readonly count: number };

/** The process's traffic over one window, from the counters' increase since the window began. */
export type TrafficWindow = {
  /** `1m` or `5m`. */
  readonly window: '1m' | '5m';
  /**
   * Seconds the figures cover: the window (up to one sampling interval more), or less while the process
   * is younger than the window. 0 before the first sample.
   */
  readonly seconds: number;
  /** HTTP requests answered (every route, the web app's pages included). */
  readonly requests: number;
  /** Requests answered per second; null when the window covers no time yet. */
  readonly requestsPerSecond: number | null;
  /** Answers with a 4xx status. */
  readonly clientErrors: number;
  /** Answers with a 5xx status. */
  readonly serverErrors: number;
  /** Share of answers that were 5xx, 0–1; null without requests. */
  readonly serverErrorRatio: number | null;
  /**
   * Median answer time in seconds, estimated from the duration histogram's buckets as Prometheus's
   * `histogram_quantile` does (linear within a bucket); null without requests.
   */
  readonly latencyP50Seconds: number | null;
  /** 99th percentile answer time in seconds, estimated the same way; null without requests. */
  readonly latencyP99Seconds: number | null;
  /** Holds granted by the inventory actor. */
  readonly holds: number;
  /** Holds granted per second; null when the window covers no time yet. */
  readonly holdsPerSecond: number | null;
  /** Hold attempts refused, by reason (the error code), most first. */
  readonly rejections: readonly NamedCount[];
  /** Payment and refund outcomes of the payment service (succeeded, declined, failed, refunded). */
  readonly payments: readonly NamedCount[];
  /** E-mail outcomes of the notifier (sent, retrying, failed). */
  readonly notifications: readonly NamedCount[];
};

/** Queues and backlogs read when asked; null where nothing in this process reports them. */
export type Backlogs = {
  /** Saga commands due and not yet done; null without a saga scheduler in this process. */
  readonly sagaCommandsDue: number | null;
  /** Messages parked on each dead-letter topic; null without the integration bus in this process. */
  readonly deadLetters: readonly TopicBacklog[] | null;
  /**
   * Buyers waiting in each waiting room's queue; null without the admission runner here, empty while
   * another instance is the one admitting.
   */
  readonly waitingRoomQueues: readonly QueueBacklog[] | null;
};

/** Messages parked on one dead-letter topic (`dead-letters list|redrive <topic>` shows and re-drives them). */
export type TopicBacklog = { readonly topic: string; readonly count: number };
/** Buyers waiting in one event's waiting-room queue. */
export type QueueBacklog = { readonly eventId: string; readonly waiting: number };

/** The process itself. */
export type ProcessFigures = {
  /** The process's role (its SERVICE_NAME). */
  readonly role: string;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  /**
   * 99th percentile of the event loop's delay over the last sampling interval (5 s), in seconds; null
   * with metrics off or before the first interval ends.
   */
  readonly eventLoopLagP99Seconds: number | null;
};

/** A log follower that reports into this process's metrics. */
export type FollowerFigures = {
  /** Its name in metrics: `projection:bookings`, `documents:audit`, `relay:integration-relay`. */
  readonly name: string;
  /** Events of the log it has not applied yet; null when that could not be read. */
  readonly lagEvents: number | null;
  /** Age in seconds of the oldest event it has not applied yet (0 at the head). */
  readonly lagSeconds: number | null;
  /** Pages it failed to handle (each retried) since this process started. */
  readonly failures: number;
  /** Of those, the ones in the last five minutes. */
  readonly recentFailures: number;
};

export type SystemReading = {
  readonly scope: 'this-process';
  /** `off` with METRICS=off: no traffic, backlogs or follower figures, only the process's own. */
  readonly metrics: 'on' | 'off';
  readonly process: ProcessFigures;
  /** The last minute and the last five minutes; empty with metrics off. */
  readonly traffic: readonly TrafficWindow[];
  /** Null with metrics off. */
  readonly backlogs: Backlogs | null;
  /** Empty with metrics off. */
  readonly followers: readonly FollowerFigures[];
};
