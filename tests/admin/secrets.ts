// An account with secrets in the log, for the tests that check that no admin read ever shows them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SignedIn } from '../../command-side/identity';
import { credentialsStream, sessionStream, userStream } from '../../domain/identity';
import type { BookingApp } from '../booking/harness';

export type AccountSecrets = {
  readonly credentialsStream: string;
  readonly sessionStream: string;
  /** The password hash and every refresh-token hash the two streams hold. */
  readonly secrets: readonly string[];
};

/** Registers through the API and refreshes once: the password hash and three refresh-token hashes stored. */
export async function accountWithSecrets(app: BookingApp): Promise<AccountSecrets> {
  const body = { email: `secrets-${randomUUID()}@example.com`, password: 'correct horse', name: 'Ann' };
  const registered = await app.request<SignedIn>('POST', '/auth/register', { body });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const { user, refreshToken } = registered.body.data;
  const refreshed = await app.request('POST', '/auth/refresh', { body: { refreshToken } });
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
  const [userRegistered] = await app.store.readStream(userStream(user.id));
  const credentials = credentialsStream((userRegistered!.data as { credentialsId: string }).credentialsId);
  const session = sessionStream(refreshToken.slice(0, refreshToken.indexOf('.')));
  const stored = [...(await app.store.readStream(credentials)), ...(await app.store.readStream(session))];
  const secrets = stored.flatMap((event) =>
    Object.entries(event.data as Record<string, unknown>)
      .filter(([key]) => /Hash$/.test(key))
      .map(([, value]) => String(value)),
  );
  assert.equal(secrets.length, 4, 'a password hash, the first token hash, and the rotation’s two');
  return { credentialsStream: credentials, sessionStream: session, secrets };
}

/** Fails naming the secret when `text` (a response body, CLI output) contains any of `secrets`. */
export function assertNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) assert.ok(!text.includes(secret), `${where} shows a stored secret`);
  assert.ok(text.includes('[REDACTED]'), `${where} shows where the secrets were`);
}
