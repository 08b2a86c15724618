export {
  noMetrics,
  recordingOnly,
  type DbSystem,
  type FollowerLag,
  type FollowerMeter,
  type GaugeSample,
  type HoldOutcome,
  type Metrics,
  type SagaCommandStage,
  type SampledGauge,
} from './metrics';
