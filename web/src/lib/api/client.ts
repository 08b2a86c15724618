import { networkError, readEnvelope, type ApiResult } from './result';
import type { TokenPair, TokenStore } from './token-store';

export const apiBase = '/api/v1';

export type RequestOptions = {
  readonly body?: unknown;
  /** One per user action (a click on "Reserve"), reused when the same action is retried. */
  readonly idempotencyKey?: string;
};

export type ApiClient = {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<ApiResult<T>>;
  readonly tokens: TokenStore;
};

/**
 * Calls `/api/v1`, with the access token in the `Authorization` header (never in a URL). A 401 on a
 * signed-in request refreshes the pair once (shared with concurrent requests) and repeats the request.
 */
export function createApiClient(tokens: TokenStore, fetchImpl: typeof fetch = fetch): ApiClient {
  async function send<T>(method: string, path: string, options: RequestOptions, accessToken?: string) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetchImpl(`${apiBase}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      return { ok: false, error: networkError(error) } as const;
    }
    return readEnvelope<T>(response);
  }

  async function exchange(refreshToken: string): Promise<TokenPair | 'rejected'> {
    const result = await send<TokenPair>('POST', '/auth/refresh', { body: { refreshToken } });
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

  return {
    tokens,
    async request<T>(method: string, path: string, options: RequestOptions = {}) {
      // After a reload only the refresh token is left: get an access token before the first call.
      let accessToken = tokens.accessToken ?? (tokens.refreshToken ? await refreshed() : undefined);
      const first = await send<T>(method, path, options, accessToken);
      if (first.ok || first.error.status !== 401 || !tokens.refreshToken) return first;
      accessToken = await refreshed();
      return accessToken ? send<T>(method, path, options, accessToken) : first;
    },
  };
}
