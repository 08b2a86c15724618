export type { ProjectionFilter, SqlProjection, TableNames } from '../../infra/log-follower';
export { ProjectionRunner } from './projection-runner';
export type { ProjectionRunnerOptions } from './runner-options';
export { ProjectionSupervisor } from './supervisor';
export { silentLogger, type Logger } from '../../infra/ports/logger';
export { type ProjectionStatus, type RebuildProgress, type RunnerStatus } from '../../infra/log-follower';
export {
  CheckpointConflictError,
  ProjectionNotActiveError,
  ProjectionNotFoundError,
  ProjectionStoppedError,
} from './errors';
export { physicalTableName } from './table-names';
