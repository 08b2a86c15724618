import { createApiClient, endpoints, TokenStore, type User } from './api';

const tokens = new TokenStore(typeof localStorage === 'undefined' ? undefined : localStorage);

/** The one API client of the app; the refresh token survives reloads in localStorage (see TokenStore). */
export const api = endpoints(createApiClient(tokens, (input, init) => fetch(input, init)));

export const session = $state<{ user: User | undefined; ready: boolean }>({ user: undefined, ready: false });

/** Restores the signed-in user after a reload (from the stored refresh token), once. */
export async function restoreSession(): Promise<void> {
  if (!tokens.refreshToken && !tokens.accessToken) {
    session.ready = true;
    return;
  }
  const me = await api.me();
  session.user = me.ok ? me.data : undefined;
  session.ready = true;
}

export async function signOut(): Promise<void> {
  await api.logout();
  session.user = undefined;
}

/** One key per user action: a retry of the same action sends it again, a new action gets a new one. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
