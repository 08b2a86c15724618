import { context, propagation, trace } from '@opentelemetry/api';
import type { Config } from '../config';
import type { Logger } from '../logging';

export interface Telemetry {
  /** True when spans are being recorded and exported. */
  readonly enabled: boolean;
  /** Flushes pending spans; safe to call more than once. */
  shutdown(): Promise<void>;
}

export type TelemetryConfig = Pick<Config, 'serviceName' | 'telemetry'>;

const disabled: Telemetry = { enabled: false, shutdown: async () => {} };

/**
 * Starts the OpenTelemetry NodeSDK when an OTLP endpoint is configured, with a parent-based ratio
 * sampler. Without an endpoint nothing is loaded: the API's no-op tracer costs next to nothing.
 */
export async function startTelemetry(config: TelemetryConfig, logger: Logger): Promise<Telemetry> {
  const { otlpEndpoint, samplerRatio } = config.telemetry;
  if (!otlpEndpoint) return disabled;
  // Loaded only here: the SDK and its exporters are a large import the disabled path never pays for.
  const { NodeSDK, tracing } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    sampler: new tracing.ParentBasedSampler({ root: new tracing.TraceIdRatioBasedSampler(samplerRatio) }),
    // Traces only; the OTLP trace exporter reads OTEL_EXPORTER_OTLP_* itself.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  logger.info('telemetry started', { otlpEndpoint, samplerRatio });
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown() {
      stopped ??= sdk
        .shutdown()
        .catch((error: unknown) => logger.warn('telemetry shutdown failed', { error }))
        .finally(() => {
          trace.disable();
          context.disable();
          propagation.disable();
        });
      return stopped;
    },
  };
}
