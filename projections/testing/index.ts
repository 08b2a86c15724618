export { sqlDrivers, type Driver, type DriverAdapters, type OpenedDatabase } from './drivers';
export { Harness, fastOptions } from './harness';
export {
  recordingProjection,
  readApplied,
  type AppliedRow,
  type RecordingOptions,
} from './recording-projection';
export { failingAfter, failingUntilHealed } from './failing-projection';
export { countingStatements, interceptReads, withoutLocks } from './doubles';
export { Barrier, Gate } from './sync';
export { eventually } from './eventually';
