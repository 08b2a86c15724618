// The pages' steps as a person takes them, by accessible names only (roles, labels, headings): the one place
// that knows how the web app names its controls.
import type { Locator, Page } from 'playwright-core';
import { expectHeading, expectVisible } from './expectations';

/** A link or a button with that name (pages may render either for navigation). */
export function control(page: Page, name: string | RegExp): Locator {
  return page.getByRole('link', { name }).or(page.getByRole('button', { name })).first();
}

export type Account = { readonly name?: string; readonly email: string; readonly password: string };

export async function signUp(page: Page, account: Required<Account>): Promise<void> {
  await page.goto('/');
  await control(page, 'Sign up').click();
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expectVisible(control(page, 'My bookings'), 'the signed-in navigation');
}

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/');
  await control(page, 'Sign in').click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectVisible(control(page, 'My bookings'), 'the signed-in navigation');
}

/** From the home page's list to the event's own page. */
export async function openEvent(page: Page, eventName: string): Promise<void> {
  await page.goto('/');
  await expectHeading(page, 'Events');
  await page.getByRole('link', { name: eventName }).first().click();
  await expectHeading(page, eventName);
  await expectHeading(page, 'Choose your seats');
}

/** The zone's choice in "Choose your seats"; its accessible name starts with the zone's name. */
export function zoneChoice(page: Page, zoneName: string): Locator {
  return page.getByRole('radio', { name: new RegExp(`^${zoneName}\\b`) });
}

export async function holdSeats(page: Page, zoneName: string, quantity: number): Promise<void> {
  await zoneChoice(page, zoneName).check();
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Reserve' }).click();
  await expectHeading(page, 'Your hold');
  await expectHeading(page, 'Payment');
}

export async function pay(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel('Card number').fill(cardNumber);
  await page.getByRole('button', { name: 'Pay' }).click();
}
