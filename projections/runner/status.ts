import type { Checkpoint, LogHead } from '../../infra/ports/event-store';

export type RunnerStatus = 'standby' | 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

export type RebuildProgress = {
  /** Log position the new generation has been built up to. */
  readonly processed: number;
  /** Head position of the log when last measured. */
  readonly total: number;
  readonly startedAt: Date;
};

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

export function lagBehind(checkpoint: Checkpoint, position: number, head: LogHead): number {
  return checkpoint >= head.checkpoint ? 0 : Math.max(0, head.position - position);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
