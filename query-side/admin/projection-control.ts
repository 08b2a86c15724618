import { AppError } from '../../domain/shared';
import type { ProjectionStatus, SupervisedProjections } from '../../infra/log-follower';

/** One projection (or the booking saga) in `GET /admin/projections`. */
export type ProjectionView = {
  readonly name: string;
  /**
   * `catching-up`, `live`, `rebuilding` or `failed` where it runs; `standby` in a process whose peer
   * holds its lock; `stopped` when not started.
   */
  readonly status: string;
  /** Global position of the last event it has read (applied, or skipped by its filter). */
  readonly position: number;
  /** Global position of the newest event in the log. */
  readonly headPosition: number;
  /** Events between the projection and the head of the log; 0 once it has caught up. */
  readonly lag: number;
  /** Bumped by each finished rebuild. */
  readonly generation: number;
  /** Why it failed, when `status` is `failed`. */
  readonly error?: string;
  /** The rebuild under way, built beside the live generation. */
  readonly rebuild?: {
    /** Global position the new generation has been built up to. */
    readonly processed: number;
    /** Head position of the log when last measured. */
    readonly total: number;
    /** 0–100, rounded down: 100 only once every event up to `total` is in. */
    readonly percent: number;
    /** @format date-time */
    readonly startedAt: string;
  };
};

/** The answer of `POST /admin/projections/:name/rebuild`: the rebuild has begun. */
export type ProjectionRebuildStarted = { readonly name: string; readonly status: 'rebuilding' };

export function toProjectionView(state: ProjectionStatus): ProjectionView {
  const { rebuild } = state;
  return {
    name: state.name,
    status: state.status,
    position: state.position,
    headPosition: state.headPosition,
    lag: state.lag,
    generation: state.generation,
    ...(state.error === undefined ? {} : { error: state.error }),
    ...(rebuild === undefined
      ? {}
      : {
          rebuild: {
            processed: rebuild.processed,
            total: rebuild.total,
            percent: rebuild.total > 0 ? Math.floor((100 * rebuild.processed) / rebuild.total) : 100,
            startedAt: rebuild.startedAt.toISOString(),
          },
        }),
  };
}

/** Statuses in which a rebuild cannot start here: the projection is not active in this process. */
const notActiveHere = new Set(['standby', 'stopped']);

/**
 * Lists the projections of several supervisors and starts rebuilds in the background: one at a time
 * per projection, refused while one runs, its progress and outcome visible in the list.
 */
export class ProjectionControl {
  private readonly running = new Set<string>();

  constructor(
    private readonly supervisors: readonly SupervisedProjections[],
    private readonly onRebuildError: (name: string, error: unknown) => void = () => {},
  ) {}

  async list(): Promise<ProjectionView[]> {
    const lists = await Promise.all(this.supervisors.map((supervisor) => supervisor.list()));
    return lists.flat().map(toProjectionView);
  }

  /** Starts a rebuild and returns once it has begun; 404 for an unknown name, 409 when it cannot start. */
  async startRebuild(name: string): Promise<void> {
    const supervisor = this.supervisors.find((candidate) => candidate.names.includes(name));
    if (!supervisor) throw new AppError('NOT_FOUND', `No projection named ${JSON.stringify(name)}`);
    if (this.running.has(name)) throw alreadyRebuilding(name);
    const state = (await supervisor.list()).find((candidate) => candidate.name === name);
    // Checked again: another request may have started one while the list was read.
    if (this.running.has(name)) throw alreadyRebuilding(name);
    if (state?.status === 'rebuilding' || state?.rebuild) throw alreadyRebuilding(name);
    if (state && notActiveHere.has(state.status)) {
      throw new AppError('INVALID_STATE', `Projection ${name} is ${state.status} in this process`, {
        projection: name,
        status: state.status,
      });
    }
    this.running.add(name);
    const job = supervisor.rebuild(name).finally(() => this.running.delete(name));
    // A runner that cannot rebuild refuses at once: answer that instead of a 202.
    const refusal = await Promise.race([
      job.then(
        () => undefined,
        (error: unknown) => error,
      ),
      nextTurn(),
    ]);
    if (refusal !== undefined) throw refusal;
    job.catch((error: unknown) => this.onRebuildError(name, error));
  }
}

function alreadyRebuilding(name: string): AppError {
  return new AppError('INVALID_STATE', `Projection ${name} is already rebuilding`, { projection: name });
}

const nextTurn = () => new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));
