import { createApiClient, endpoints, TokenStore, webLock, type User } from './api';

const tokens = new TokenStore(
  typeof localStorage === 'undefined' ? undefined : localStorage,
  webLock('booking-rush.refresh'),
);

/**
 * The one API client of the app; the refresh token survives reloads in localStorage (see TokenStore).
 * The organizer, admin and analytics pages build their own endpoint modules on `apiClient`.
 */
export const apiClient = createApiClient(tokens, (input, init) => fetch(input, init));
export const api = endpoints(apiClient);

export const session = $state<{ user: User | undefined; ready: boolean }>({ user: undefined, ready: false });

/** Signing out in one tab signs out every tab of this browser: they share the stored refresh token. */
if (typeof window !== 'undefined')
  window.addEventListener('storage', (change) => {
    if (tokens.signedOutElsewhere(change)) session.user = undefined;
  });

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
