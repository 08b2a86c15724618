// Direct HTTP calls for a test's setup and for checking what the pages claim (the envelope of docs/api.md).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

export const demo = {
  eventName: 'Bangkok Rock Night (demo)',
  eventSlug: 'bangkok-rock-night-demo',
  /** The demo's second event, behind a waiting room. */
  queuedEventName: 'Chiang Mai Lantern Night (demo, waiting room)',
  buyer: { email: 'buyer@demo.example', password: 'buyer-demo-pass' },
  organizer: { email: 'organizer@demo.example', password: 'organizer-demo' },
} as const;

export const cards = { succeeds: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' } as const;

export type Zone = {
  id: string;
  name: string;
  price: number;
  currency: string;
  capacity: number;
  available: number;
};

export async function api<T>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; idempotent?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotent) headers['idempotency-key'] = randomUUID();
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const envelope = (await response.json()) as { success: boolean; data: T; error?: { code: string } };
  assert.ok(envelope.success, `${method} ${path} → ${response.status} ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

export async function apiToken(
  baseUrl: string,
  account: { email: string; password: string },
): Promise<string> {
  const body = { email: account.email, password: account.password };
  return (await api<{ accessToken: string }>(baseUrl, 'POST', '/auth/login', { body })).accessToken;
}

export async function demoZones(baseUrl: string): Promise<Zone[]> {
  const event = await api<{ shows: { id: string }[] }>(baseUrl, 'GET', `/events/${demo.eventSlug}`);
  const show = event.shows[0];
  assert.ok(show, 'the demo event has a show');
  return api<Zone[]>(baseUrl, 'GET', `/shows/${show.id}/zones`);
}

export async function demoZone(baseUrl: string, name: string): Promise<Zone> {
  const zone = (await demoZones(baseUrl)).find((z) => z.name === name);
  assert.ok(zone, `the demo event has a zone named ${name}`);
  return zone;
}
