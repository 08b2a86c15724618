import { startOfLog, type EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import type { ActiveProjection } from './active-projection';
import { loadState, type StoredState } from './projection-state';
import { stateTableExists } from './state-schema';
import { lagBehind, type ProjectionStatus, type RunnerStatus } from '../../infra/log-follower';

/** The runner's own facts a status is derived from. */
export type RunnerView = {
  readonly name: string;
  readonly started: boolean;
  readonly fatal: boolean;
  /** Why the runner is not active when it should be (lock or activation failure, checkpoint conflict). */
  readonly blockingError: string | undefined;
  readonly active: ActiveProjection | undefined;
};

export function describeRunnerLocally(view: RunnerView): { status: RunnerStatus; error?: string } {
  const { active } = view;
  if (view.fatal) return { status: 'failed', error: view.blockingError };
  if (!view.started) return { status: 'stopped' };
  if (!active)
    return view.blockingError ? { status: 'failed', error: view.blockingError } : { status: 'standby' };
  const error = active.liveError ?? active.rebuildError;
  if (error !== null) return { status: 'failed', error };
  if (active.rebuilding || !active.applying) return { status: 'rebuilding' };
  return { status: active.phase === 'live' ? 'live' : 'catching-up' };
}

/** Status with positions: from memory when this instance is active, else from the state row. */
export async function describeRunner(
  sql: SqlClient,
  store: EventStore,
  view: RunnerView,
): Promise<ProjectionStatus> {
  const head = await store.head();
  const active = view.active;
  const stored = active ? undefined : await loadStoredQuietly(sql, view.name);
  // A process that does not run the projection (the CLI) reports what the running one recorded.
  const { status, error } =
    !view.started && stored?.status
      ? { status: stored.status as RunnerStatus, error: stored.error ?? undefined }
      : describeRunnerLocally(view);
  const cursor = active?.cursor ?? stored ?? { checkpoint: startOfLog, position: 0, generation: 0 };
  const rebuild =
    active?.rebuildProgress ??
    (stored?.rebuild
      ? {
          processed: stored.rebuild.processed,
          total: stored.rebuild.total,
          startedAt: stored.rebuild.startedAt,
        }
      : undefined);
  return {
    name: view.name,
    status,
    position: cursor.position,
    headPosition: head.position,
    lag: lagBehind(cursor.checkpoint, cursor.position, head),
    checkpoint: cursor.checkpoint,
    generation: cursor.generation,
    ...(error === undefined ? {} : { error }),
    ...(rebuild === undefined ? {} : { rebuild }),
  };
}

async function loadStoredQuietly(sql: SqlClient, name: string): Promise<StoredState | undefined> {
  try {
    return (await stateTableExists(sql)) ? await loadState(sql, name) : undefined;
  } catch {
    return undefined;
  }
}
