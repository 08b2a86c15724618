export { startTelemetry, type Telemetry, type TelemetryConfig, type TelemetryOptions } from './telemetry';
