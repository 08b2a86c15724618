import type { Schemas } from './schema';

/** An API error code (`domain/shared/error-codes.ts`), or `NETWORK_ERROR` / `BAD_RESPONSE` from the client. */
export type ErrorCode = Schemas['ErrorEnvelope']['error']['code'] | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** What went wrong, as the API said it (`code`, `message`, `details`) or as the browser saw it. */
export type ApiError = {
  readonly code: ErrorCode;
  readonly message: string;
  /** 0 when no response arrived. */
  readonly status: number;
  readonly details?: unknown;
  /** From `Retry-After` on 429/503. */
  readonly retryAfterSeconds?: number;
};

/** `M`: the endpoint's `meta` (`Meta<'listEvents'>`, a page's numbers), when it has one. */
export type ApiResult<T, M = unknown> =
  | { readonly ok: true; readonly data: T; readonly meta?: M }
  | { readonly ok: false; readonly error: ApiError };

export const networkError = (cause: unknown): ApiError => ({
  code: 'NETWORK_ERROR',
  message: cause instanceof Error ? cause.message : 'The request did not reach the server',
  status: 0,
});

function retryAfter(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The API's envelope `{success, data, meta}` / `{success:false, error}` as a typed result. */
export async function readEnvelope<T, M = unknown>(response: Response): Promise<ApiResult<T, M>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const envelope = body as { success: true; data: T; meta?: M } | Schemas['ErrorEnvelope'] | undefined;
  if (envelope?.success === true) {
    return envelope.meta
      ? { ok: true, data: envelope.data, meta: envelope.meta }
      : { ok: true, data: envelope.data };
  }
  const retryAfterSeconds = retryAfter(response.headers);
  if (envelope?.success === false && typeof envelope.error?.code === 'string') {
    return {
      ok: false,
      error: {
        code: envelope.error.code,
        message: envelope.error.message,
        status: response.status,
        ...(envelope.error.details === undefined ? {} : { details: envelope.error.details }),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    };
  }
  return {
    ok: false,
    error: {
      code: response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE',
      message: `Unexpected answer from the server (HTTP ${response.status})`,
      status: response.status,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  };
}

/** Per-field messages from a `VALIDATION_ERROR`'s details (`[{field, reasons}]`). */
export function fieldErrors(error: ApiError): Record<string, string> {
  if (error.code !== 'VALIDATION_ERROR' || !Array.isArray(error.details)) return {};
  const fields: Record<string, string> = {};
  for (const item of error.details as { field?: unknown; reasons?: unknown }[]) {
    if (typeof item.field === 'string' && Array.isArray(item.reasons))
      fields[item.field] = item.reasons.join('; ');
  }
  return fields;
}
