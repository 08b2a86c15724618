export { backoffDelay, pause, type BackoffOptions } from './backoff';
export { LockKeeper } from './lock-keeper';
export { checkpointStoreContract, type CheckpointStoreSubject } from './checkpoint-store-contract';
export {
  readPage,
  type LogCursor,
  type LogFilter,
  type Page,
  type PositionRule,
  type ReadPageOptions,
} from './read-page';
export { CoalescingLoop, Mutex } from './serial';
export type { ProjectionFilter, SqlProjection, TableNames } from './sql-projection';
export {
  CheckpointConflictError,
  MemoryCheckpoints,
  type CheckpointStore,
  type PageHandler,
} from './checkpoint-store';
export { Follower, type FollowerPhase, type FollowerSettings } from './follower';
export { rebuildBeside } from './rebuild-beside';
export {
  errorMessage,
  lagBehind,
  type ProjectionStatus,
  type RebuildProgress,
  type RunnerStatus,
  type SupervisedProjections,
  type SupervisedRunner,
} from './status';
