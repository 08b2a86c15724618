import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient, SqlExecutor } from '../../infra/ports/sql';
import {
  Follower,
  type CheckpointStore,
  type FollowerSettings,
  type LogCursor,
  type PositionRule,
  type SqlProjection,
} from '../../infra/log-follower';
import { projectionFollowerSettings, type ResolvedRunnerOptions } from './runner-options';
import { tableNamesFor } from './table-names';

/** What every follower of a SQL projection shares, live or rebuilding. */
export type ProjectionContext = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly projection: SqlProjection;
} & Omit<ResolvedRunnerOptions, 'lockRetryMs'>;

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
  const { store, projection } = context;
  const { description, checkpoints, positions, cursor, applying, ...callbacks } = follows;
  return new Follower<Cursor, SqlExecutor>(
    {
      store,
      checkpoints,
      handle: (page, { cursor: at, scope: tx }) =>
        projection.apply(tx, page.events, tableNamesFor(projection, at.generation)),
      description,
      // The live follower (exact positions) is the projection's in traces and metrics; a rebuild's is not.
      ...(positions === 'exact' && {
        name: `projection:${projection.name}`,
        ...(context.metrics && { metrics: context.metrics }),
      }),
      ...projectionFollowerSettings(projection, context),
      positions,
      ...callbacks,
    },
    cursor,
    applying ?? true,
  );
}
