// The organizer's pages, step by step, by accessible names only (as flows.ts does for the buyer's pages).
import type { Page } from 'playwright-core';
import { expectHeading, expectVisible } from './expectations';
import { control } from './flows';

/** `datetime-local` value `days` from now, in the local time zone that Chromium shares with this process. */
export function localDateTime(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export type NewEvent = {
  readonly name: string;
  readonly description: string;
  readonly venue: string;
  readonly startsAt: string;
  readonly saleStartsAt: string;
};

export async function openMyEvents(page: Page): Promise<void> {
  await control(page, 'My events').click();
  await expectHeading(page, 'My events');
}

/** Fills "New event" (reached from "My events"); the caller submits it. */
export async function fillNewEvent(page: Page, event: NewEvent): Promise<void> {
  await control(page, 'New event').click();
  await expectHeading(page, 'New event');
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Name', { exact: true }).fill(event.name);
  await form.getByLabel('Description', { exact: true }).fill(event.description);
  await form.getByLabel('Venue', { exact: true }).fill(event.venue);
  await form.getByLabel('Starts at', { exact: true }).fill(event.startsAt);
  await form.getByLabel('Sale starts at', { exact: true }).fill(event.saleStartsAt);
}

/** On the manage page: a show at the form's default time (the event's start), then one zone in it. */
export async function addShowWithZone(
  page: Page,
  zone: { name: string; price: string; capacity: string },
): Promise<void> {
  await page.getByRole('form', { name: 'Add show' }).getByRole('button', { name: 'Add show' }).click();
  const zoneForm = page.getByRole('form', { name: /^Add a zone to / });
  await expectVisible(zoneForm, 'the form adding a zone to the new show');
  await zoneForm.getByLabel('Zone name', { exact: true }).fill(zone.name);
  await zoneForm.getByLabel('Price', { exact: true }).fill(zone.price);
  await zoneForm.getByLabel('Capacity', { exact: true }).fill(zone.capacity);
  await zoneForm.getByRole('button', { name: 'Add zone' }).click();
  await expectVisible(page.getByRole('rowheader', { name: zone.name }), `the zone ${zone.name} in its show`);
}
