import { context, propagation, trace } from '@opentelemetry/api';
import type { tracing as sdkTracing } from '@opentelemetry/sdk-node';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { semconvSchemaUrl, setTracingActive } from '../tracing';

export interface Telemetry {
  /** True when spans are being recorded and exported. */
  readonly enabled: boolean;
  /** Flushes pending spans; safe to call more than once. */
  shutdown(): Promise<void>;
}

export type TelemetryConfig = Pick<Config, 'serviceName' | 'telemetry'>;

/** For tests: spans go to this exporter, one at a time as they end, instead of an OTLP endpoint. */
export type TelemetryOptions = { readonly spanExporter?: sdkTracing.SpanExporter };

const disabled: Telemetry = { enabled: false, shutdown: async () => {} };

/**
 * Starts the OpenTelemetry NodeSDK when an OTLP endpoint is configured, with a parent-based ratio
 * sampler. Without an endpoint nothing is loaded: the API's no-op tracer costs next to nothing.
 */
export async function startTelemetry(
  config: TelemetryConfig,
  logger: Logger,
  options: TelemetryOptions = {},
): Promise<Telemetry> {
  const { otlpEndpoint, samplerRatio } = config.telemetry;
  const { spanExporter } = options;
  if (!otlpEndpoint && !spanExporter) return disabled;
  // Loaded only here: the SDK and its exporters are a large import the disabled path never pays for.
  const { NodeSDK, resources, tracing } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    resource: resources.resourceFromAttributes({ 'telemetry.semconv.schema_url': semconvSchemaUrl }),
    sampler: new tracing.ParentBasedSampler({ root: new tracing.TraceIdRatioBasedSampler(samplerRatio) }),
    // Traces only (metrics are prom-client's, infra/metrics); the OTLP trace exporter reads
    // OTEL_EXPORTER_OTLP_* itself.
    ...(spanExporter ? { spanProcessors: [new tracing.SimpleSpanProcessor(spanExporter)] } : {}),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  setTracingActive(true);
  logger.info('telemetry started', { otlpEndpoint, samplerRatio });
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown() {
      stopped ??= sdk
        .shutdown()
        .catch((error: unknown) => logger.warn('telemetry shutdown failed', { error }))
        .finally(() => {
          setTracingActive(false);
          trace.disable();
          context.disable();
          propagation.disable();
        });
      return stopped;
    },
  };
}
