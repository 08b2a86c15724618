import type { EventStore } from '../../infra/ports/event-store';
import type { Logger } from '../../infra/ports/logger';
import type { SqlClient, SqlExecutor } from '../../infra/ports/sql';
import {
  backoffDelay,
  Follower,
  type BackoffOptions,
  type CheckpointStore,
  type FollowerSettings,
  type LogCursor,
  type PositionRule,
  type SqlProjection,
} from '../../infra/log-follower';
import { tableNamesFor } from './table-names';

/** What every follower of a SQL projection shares, live or rebuilding. */
export type ProjectionContext = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly projection: SqlProjection;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly backoff: BackoffOptions;
  readonly logger: Logger;
};

/**
 * A follower that applies the log to one generation of a SQL projection's tables, in the transaction
 * its checkpoint store commits (live: `exact` positions; a rebuild: `with-head`, for its progress).
 */
export function generationFollower<Cursor extends LogCursor & { readonly generation: number }>(
  context: ProjectionContext,
  follows: {
    readonly description: string;
    readonly checkpoints: CheckpointStore<Cursor, SqlExecutor>;
    readonly positions: PositionRule;
    readonly cursor: Cursor;
    readonly applying?: boolean;
  } & Pick<FollowerSettings<Cursor, SqlExecutor>, 'onProgress' | 'onPhase' | 'onConflict'>,
): Follower<Cursor, SqlExecutor> {
  const { store, projection, backoff } = context;
  const { description, checkpoints, positions, cursor, applying, ...callbacks } = follows;
  return new Follower<Cursor, SqlExecutor>(
    {
      store,
      checkpoints,
      handle: (page, { cursor: at, scope: tx }) =>
        projection.apply(tx, page.events, tableNamesFor(projection, at.generation)),
      description,
      logFields: { projection: projection.name },
      ...(projection.filter ? { filter: projection.filter } : {}),
      positions,
      batchSize: context.batchSize,
      pollIntervalMs: context.pollIntervalMs,
      retryDelayMs: (attempt) => backoffDelay(attempt, backoff),
      logger: context.logger,
      ...callbacks,
    },
    cursor,
    applying ?? true,
  );
}
