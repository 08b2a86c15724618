export { backoffDelay, pause, type BackoffOptions } from './backoff';
export { LockKeeper } from './lock-keeper';
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
