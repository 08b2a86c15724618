import type { Checkpoint, LogHead } from '../ports/event-store';

/**
 * `catching-up`, `live`, `rebuilding` or `failed` where it runs; `standby` in a process whose peer holds
 * its lock; `stopped` when not started.
 */
export type RunnerStatus = 'standby' | 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

export type RebuildProgress = {
  /** Log position the new generation has been built up to. */
  readonly processed: number;
  /** Head position of the log when last measured. */
  readonly total: number;
  readonly startedAt: Date;
};

/** What every follower that keeps a read model (or the saga) reports: the admin list and the CLI read it. */
export type ProjectionStatus = {
  readonly name: string;
  readonly status: RunnerStatus;
  /** Log position of the last event this projection has read (applied or skipped by its filter). */
  readonly position: number;
  readonly headPosition: number;
  /** Events between the projection and the head of the log; 0 once its checkpoint reaches the head. */
  readonly lag: number;
  readonly checkpoint: Checkpoint;
  /** Generation the logical views point at. */
  readonly generation: number;
  readonly error?: string;
  readonly rebuild?: RebuildProgress;
};

/** What a supervisor drives and the admin API lists: a SQL projection's runner, a document one's, the saga's. */
export interface SupervisedRunner {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<ProjectionStatus>;
  /** Resolves once the new generation is live. */
  rebuild(): Promise<void>;
  waitFor(checkpoint: Checkpoint, timeoutMs?: number): Promise<void>;
}

/** The runners of one process by name: what the admin API and the CLI list and rebuild. */
export interface SupervisedProjections {
  readonly names: readonly string[];
  list(): Promise<readonly ProjectionStatus[]>;
  /** Resolves once the rebuilt generation is live. */
  rebuild(name: string): Promise<void>;
}

export function lagBehind(checkpoint: Checkpoint, position: number, head: LogHead): number {
  return checkpoint >= head.checkpoint ? 0 : Math.max(0, head.position - position);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
