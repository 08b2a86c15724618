export { startTelemetry, type Telemetry, type TelemetryConfig } from './telemetry';
