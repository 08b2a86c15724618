import type { ProjectionStatus, SupervisedProjections } from '../../infra/log-follower';
import type { EventStore } from '../../infra/ports/event-store';
import type {
  Backlogs,
  FollowerFigures,
  ProcessFigures,
  SystemStatus,
  TrafficWindow,
} from '../../infra/ports/system-status';

/** A follower further behind than this is late: the follower-lag alert's threshold (lag_seconds > 30). */
export const followerLagAlertSeconds = 30;

/** One log follower on the System page: a projection (or the saga) as recorded, or one reporting here. */
export type SystemFollowerView = {
  /** The projection's name, or the follower's name in metrics (`relay:integration-relay`). */
  readonly name: string;
  /**
   * The projection's status (`catching-up`, `live`, `rebuilding`, `failed`; `standby` where a peer
   * runs it, `stopped`); null for a follower known only by the lag it reports here (the relay).
   */
  readonly phase: string | null;
  /** Events of the log it has not read yet; null when unknown. */
  readonly lagEvents: number | null;
  /**
   * Age in seconds of the oldest event it has not read yet (0 at the head): as the follower reports it
   * here, else the age of the first event after its recorded checkpoint; null when unknown.
   */
  readonly lagSeconds: number | null;
  /** Pages it failed to handle since this process started; null when it does not report into this process. */
  readonly failures: number | null;
  /** Of those, the ones in the last five minutes. */
  readonly recentFailures: number | null;
  /** Why it failed, when its status is `failed`. */
  readonly error?: string;
  /** More than `followerLagAlertSeconds` behind. */
  readonly late: boolean;
  /** Failed, or failed a page in the last five minutes. */
  readonly failing: boolean;
};

/** `GET /admin/system`: what this process sees of the system during a sale. */
export type SystemView = {
  /** The traffic, backlog and runtime figures are this process's own; the fleet's are in Grafana. */
  readonly scope: 'this-process';
  /** `off` with METRICS=off: traffic, backlogs and reported lag are then not measured. */
  readonly metrics: 'on' | 'off';
  /** @format date-time */
  readonly readAt: string;
  readonly process: ProcessFigures;
  /** The last minute and the last five minutes; empty with metrics off. */
  readonly traffic: readonly TrafficWindow[];
  /** Null with metrics off. */
  readonly backlogs: Backlogs | null;
  /**
   * Every projection and the booking saga with their recorded statuses (wherever they run), then the
   * other followers that report their lag into this process.
   */
  readonly followers: readonly SystemFollowerView[];
  /** The lag, in seconds, past which a follower is late. */
  readonly followerLagAlertSeconds: number;
};

/** `projection:bookings` and `documents:audit` report the projections named `bookings` and `audit`. */
const reportedName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The System page's answer: this process's figures beside the statuses of every projection. */
export class SystemOverview {
  constructor(
    private readonly status: SystemStatus,
    private readonly projections: readonly SupervisedProjections[],
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<SystemView> {
    const [reading, lists] = await Promise.all([
      this.status.read(),
      Promise.all(this.projections.map((supervisor) => supervisor.list())),
    ]);
    const readAt = this.now();
    const reported = new Map(reading.followers.map((follower) => [follower.name, follower]));
    const projections = await Promise.all(
      lists.flat().map((status) => {
        const own = reading.followers.find((follower) => reportedName(follower.name) === status.name);
        if (own) reported.delete(own.name);
        return this.projectionView(status, own, readAt);
      }),
    );
    const others = [...reported.values()].map((follower) =>
      withFlags({
        name: follower.name,
        phase: null,
        lagEvents: follower.lagEvents,
        lagSeconds: follower.lagSeconds,
        failures: follower.failures,
        recentFailures: follower.recentFailures,
      }),
    );
    return {
      scope: reading.scope,
      metrics: reading.metrics,
      readAt: readAt.toISOString(),
      process: reading.process,
      traffic: reading.traffic,
      backlogs: reading.backlogs,
      followers: [...projections, ...others],
      followerLagAlertSeconds,
    };
  }

  private async projectionView(
    status: ProjectionStatus,
    own: FollowerFigures | undefined,
    readAt: Date,
  ): Promise<SystemFollowerView> {
    return withFlags({
      name: status.name,
      phase: status.status,
      lagEvents: status.lag,
      lagSeconds: own?.lagSeconds ?? (await this.ageOfNextEvent(status, readAt)),
      failures: own?.failures ?? null,
      recentFailures: own?.recentFailures ?? null,
      ...(status.error === undefined ? {} : { error: status.error }),
    });
  }

  /** How long the first event after the recorded checkpoint has waited (0 when there is none). */
  private async ageOfNextEvent(status: ProjectionStatus, readAt: Date): Promise<number | null> {
    if (status.lag === 0) return 0;
    try {
      const page = await this.store.readAll({ after: status.checkpoint, limit: 1 });
      const next = page.events[0];
      return next ? Math.max(0, (readAt.getTime() - next.createdAt.getTime()) / 1_000) : 0;
    } catch {
      // The page still answers: the lag in events is known, its age is not.
      return null;
    }
  }
}

function withFlags(follower: Omit<SystemFollowerView, 'late' | 'failing'>): SystemFollowerView {
  return {
    ...follower,
    late: follower.lagSeconds !== null && follower.lagSeconds > followerLagAlertSeconds,
    failing: follower.phase === 'failed' || (follower.recentFailures ?? 0) > 0,
  };
}
