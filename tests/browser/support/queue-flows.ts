// The waiting room: an event set up with one by API, and the queue pages' steps by accessible names.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import { api } from './api';
import { expectHeading } from './expectations';

export type RoomSettings = {
  readonly admissionPerMinute: number;
  readonly maxInside: number;
  readonly passLifetimeSeconds: number;
};

export type QueuedEvent = { id: string; slug: string; name: string; zoneName: string };

/** The buyer's queue status (docs/api.md, "Waiting room"); the fields the tests read. */
export type QueueStatus = {
  state: string;
  phase: string;
  place: number | null;
  ahead: number | null;
  pass: { token: string; expiresAt: string } | null;
};

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * A published event on sale since yesterday, one show, one zone of `capacity` seats, and its waiting
 * room on with `room` (configured with no `preQueueOpensAt`: the API's default, an hour before the sale).
 * Waits until the public event shows the room.
 */
export async function eventWithRoom(
  url: string,
  organizerToken: string,
  options: { capacity: number; room: RoomSettings; publish?: boolean },
): Promise<QueuedEvent> {
  const token = organizerToken;
  const name = `Queue Night ${randomUUID().slice(0, 6)}`;
  const created = await api<{ id: string; slug: string }>(url, 'POST', '/events', {
    token,
    body: {
      name,
      description: 'A sale through the waiting room.',
      venue: 'Queue Hall',
      startsAt: daysFromNow(30),
      saleStartsAt: daysFromNow(-1),
    },
  });
  const show = await api<{ id: string }>(url, 'POST', `/events/${created.id}/shows`, {
    token,
    body: { startsAt: daysFromNow(30) },
  });
  const zoneName = 'Front';
  await api(url, 'POST', `/shows/${show.id}/zones`, {
    token,
    body: { name: zoneName, price: 250000, currency: 'THB', capacity: options.capacity },
  });
  await api(url, 'PUT', `/events/${created.id}/waiting-room`, {
    token,
    body: { enabled: true, ...options.room },
  });
  if (options.publish !== false) {
    await api(url, 'POST', `/events/${created.id}/publish`, { token });
    await publicEventShowsRoom(url, created.id);
  }
  return { id: created.id, slug: created.slug, name, zoneName };
}

/** The catalog's read model follows commands a moment later: waits until the event shows its room. */
async function publicEventShowsRoom(url: string, eventId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const event = await api<{ waitingRoom?: { enabled: boolean } | null }>(url, 'GET', `/events/${eventId}`);
    if (event.waitingRoom?.enabled) return;
    assert.ok(Date.now() < deadline, `GET /events/${eventId} shows waitingRoom.enabled within 15 s`);
    await sleep(200);
  }
}

export type ApiBuyer = { name: string; email: string; password: string; token: string };

export async function registerBuyer(url: string, label: string): Promise<ApiBuyer> {
  const account = {
    name: `Queue ${label}`,
    email: `queue-${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: 'queue-pass-1',
  };
  const session = await api<{ accessToken: string }>(url, 'POST', '/auth/register', { body: account });
  return { ...account, token: session.accessToken };
}

export const queueStatus = (url: string, eventId: string, token: string) =>
  api<QueueStatus>(url, 'GET', `/events/${eventId}/queue`, { token });

/** Polls the buyer's queue status until `accept` holds (the admission worker ticks about once a second). */
export async function queueStatusReaches(
  url: string,
  eventId: string,
  token: string,
  accept: (status: QueueStatus) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<QueueStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await queueStatus(url, eventId, token);
    if (accept(status)) return status;
    assert.ok(Date.now() < deadline, `${what} within ${timeoutMs} ms (last: ${JSON.stringify(status)})`);
    await sleep(250);
  }
}

/** The event page of an event with a waiting room: its way in is the queue, not the seat choice. */
export async function openQueuedEvent(page: Page, event: QueuedEvent): Promise<void> {
  await page.goto(`/events/${event.slug}`);
  await expectHeading(page, event.name);
  await expectHeading(page, 'Waiting room');
}

/** "Join the queue" on the event page, to the queue page. */
export async function joinQueue(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Join the queue' }).click();
  await expectHeading(page, /^Waiting room: /);
}

/** A figure of the queue page or of the live view: the value (`dd`) under its label (`dt`). */
export function figure(page: Page, label: string): Locator {
  return page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
    .getByRole('definition');
}
