import { networkError, readEnvelope, type ApiError, type ApiResult } from './result';
import type { Body, Data } from './schema';
import type { TokenPair, TokenStore } from './token-store';

export const apiBase = '/api/v1';

export type RequestOptions = {
  readonly body?: unknown;
  /** One per user action (a click on "Reserve"), reused when the same action is retried. */
  readonly idempotencyKey?: string;
  /** More headers, e.g. the waiting room's `Queue-Pass`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Ends a long request (a long poll) when the page goes away. */
  readonly signal?: AbortSignal;
};

/** The answer to a conditional GET: unchanged since the `ETag` sent, or new data with its own `ETag`. */
export type Revalidated<T> =
  | { readonly ok: true; readonly notModified: true }
  | { readonly ok: true; readonly notModified: false; readonly data: T; readonly etag: string | undefined }
  | { readonly ok: false; readonly error: ApiError };

export type ApiClient = {
  /** `T`, `M`: the answer's `data` and `meta`, e.g. `Data<'listEvents'>` and `Meta<'listEvents'>`. */
  request<T, M = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResult<T, M>>;
  /** A GET sending `If-None-Match: etag` (when given): 304 comes back as `notModified`. */
  revalidate<T>(path: string, etag: string | undefined, options?: RequestOptions): Promise<Revalidated<T>>;
  readonly tokens: TokenStore;
};

/**
 * Calls `/api/v1`, with the access token in the `Authorization` header (never in a URL). A 401 on a
 * signed-in request refreshes the pair once (shared with concurrent requests) and repeats the request.
 */
export function createApiClient(tokens: TokenStore, fetchImpl: typeof fetch = fetch): ApiClient {
  async function call(
    method: string,
    path: string,
    options: RequestOptions,
    accessToken?: string,
    cache?: RequestCache,
  ): Promise<{ response: Response } | { error: ApiError }> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    try {
      const response = await fetchImpl(`${apiBase}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(cache ? { cache } : {}),
      });
      return { response };
    } catch (error) {
      return { error: networkError(error) };
    }
  }

  async function send<T, M = unknown>(
    method: string,
    path: string,
    options: RequestOptions,
    accessToken?: string,
  ) {
    const answer = await call(method, path, options, accessToken);
    if ('error' in answer) return { ok: false, error: answer.error } as const;
    return readEnvelope<T, M>(answer.response);
  }

  async function revalidateOnce<T>(
    path: string,
    options: RequestOptions,
    accessToken: string | undefined,
  ): Promise<Revalidated<T>> {
    // The ETag is ours to send: the browser's own cache must neither add one nor turn a 304 into a 200.
    const answer = await call('GET', path, options, accessToken, 'no-store');
    if ('error' in answer) return { ok: false, error: answer.error };
    const { response } = answer;
    if (response.status === 304) return { ok: true, notModified: true };
    const result = await readEnvelope<T>(response);
    if (!result.ok) return result;
    return {
      ok: true,
      notModified: false,
      data: result.data,
      etag: response.headers.get('etag') ?? undefined,
    };
  }

  async function exchange(refreshToken: string): Promise<TokenPair | 'rejected'> {
    const body: Body<'refreshSession'> = { refreshToken };
    const result = await send<Data<'refreshSession'>>('POST', '/auth/refresh', { body });
    if (result.ok) return result.data;
    if (result.error.code === 'NETWORK_ERROR' || result.error.status >= 500)
      throw new Error(result.error.message);
    return 'rejected';
  }

  async function refreshed(): Promise<string | undefined> {
    try {
      return await tokens.refresh(exchange);
    } catch {
      return undefined;
    }
  }

  /** Runs `attempt` signed in; a 401 refreshes the pair once (shared) and repeats it. */
  async function signedIn<R extends { ok: boolean; error?: ApiError }>(
    attempt: (accessToken: string | undefined) => Promise<R>,
  ): Promise<R> {
    // After a reload only the refresh token is left: get an access token before the first call.
    let accessToken = tokens.accessToken ?? (tokens.refreshToken ? await refreshed() : undefined);
    const first = await attempt(accessToken);
    if (first.ok || first.error?.status !== 401 || !tokens.refreshToken) return first;
    accessToken = await refreshed();
    return accessToken ? attempt(accessToken) : first;
  }

  return {
    tokens,
    request<T, M = unknown>(method: string, path: string, options: RequestOptions = {}) {
      return signedIn((accessToken) => send<T, M>(method, path, options, accessToken));
    },
    revalidate<T>(path: string, etag: string | undefined, options: RequestOptions = {}) {
      const headers = etag ? { ...options.headers, 'if-none-match': etag } : options.headers;
      const conditional: RequestOptions = headers ? { ...options, headers } : options;
      return signedIn((accessToken) => revalidateOnce<T>(path, conditional, accessToken));
    },
  };
}
