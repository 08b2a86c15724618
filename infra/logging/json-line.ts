import { isSpanContextValid, trace } from '@opentelemetry/api';
import { currentContext } from './request-context';

/** Errors become plain objects (JSON.stringify would print `{}`); the stack stays in the log only. */
function serializable(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const { name, message, stack } = value;
  const code = (value as { code?: unknown }).code;
  const cause = value.cause === undefined ? undefined : serializable(value.cause);
  return {
    name,
    message,
    ...(code === undefined ? {} : { code }),
    stack,
    ...(cause === undefined ? {} : { cause }),
  };
}

function safeStringify(record: Record<string, unknown>): string {
  try {
    return JSON.stringify(record, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
  } catch {
    return JSON.stringify({
      time: record.time,
      level: record.level,
      msg: record.msg,
      logError: 'unserializable meta',
    });
  }
}

/**
 * One JSON log line: time, level, msg, service, correlation and trace ids from the current request
 * context and active span, then the caller's fields.
 */
export function jsonLine(
  level: string,
  msg: unknown,
  base: Readonly<Record<string, unknown>>,
  meta: Readonly<Record<string, unknown>>,
): string {
  const record: Record<string, unknown> = { time: new Date().toISOString(), level, msg, ...base };
  const context = currentContext();
  if (context) record.correlationId = context.correlationId;
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    record.traceId = spanContext.traceId;
    record.spanId = spanContext.spanId;
  }
  for (const [key, value] of Object.entries(meta)) {
    if (value !== undefined) record[key] = serializable(value);
  }
  return safeStringify(record);
}
