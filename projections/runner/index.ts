export type { ProjectionFilter, SqlProjection, TableNames } from '../../infra/log-follower';
export { ProjectionRunner } from './projection-runner';
export type { ProjectionRunnerOptions } from './runner-options';
export { ProjectionSupervisor } from './supervisor';
export type { ProjectionStatus, RebuildProgress, RunnerStatus } from './status';
export { silentLogger, type ProjectionLogger } from './logger';
export {
  CheckpointConflictError,
  ProjectionNotActiveError,
  ProjectionNotFoundError,
  ProjectionStoppedError,
} from './errors';
export { physicalTableName } from './table-names';
