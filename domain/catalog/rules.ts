import { assertWellFormedText } from '../shared';
import type { EventDetails } from './events';
import { invalidField } from './errors';
import type { Show } from './state';

export const defaultMaxTicketsPerUser = 4;
export const maxTicketsPerUserLimit = 10;

const time = (field: string, value: string): number => {
  const millis = Date.parse(value);
  if (!Number.isFinite(millis)) throw invalidField(field, 'must be an ISO 8601 timestamp');
  return millis;
};

/** The event starts in the future. */
export function assertInFuture(field: string, value: string, now: string): void {
  if (time(field, value) <= time('now', now)) throw invalidField(field, 'must be in the future');
}

/**
 * A coherent sale window: saleStartsAt < saleEndsAt ≤ startsAt, and no show starts before the event
 * (so every show starts after its tickets went on sale).
 */
export function assertCoherentSchedule(details: EventDetails, shows: readonly Show[]): void {
  const startsAt = time('startsAt', details.startsAt);
  const saleStartsAt = time('saleStartsAt', details.saleStartsAt);
  const saleEndsAt = time('saleEndsAt', details.saleEndsAt);
  if (saleStartsAt >= saleEndsAt) throw invalidField('saleStartsAt', 'must be before saleEndsAt');
  if (saleEndsAt > startsAt) throw invalidField('saleEndsAt', 'must not be after startsAt');
  const early = shows.find((show) => time('show.startsAt', show.startsAt) < startsAt);
  if (early) {
    throw invalidField('startsAt', `must not be after the start of show ${early.id} (${early.startsAt})`);
  }
}

export function assertShowTime(startsAt: string, details: EventDetails, now: string): void {
  assertInFuture('startsAt', startsAt, now);
  if (time('startsAt', startsAt) < time('event.startsAt', details.startsAt)) {
    throw invalidField('startsAt', `must not be before the event starts (${details.startsAt})`);
  }
}

export function assertMaxTicketsPerUser(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > maxTicketsPerUserLimit) {
    throw invalidField('maxTicketsPerUser', `must be an integer from 1 to ${maxTicketsPerUserLimit}`);
  }
}

export function assertPrice(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalidField('price', 'must be a whole number of minor units, 0 or more');
  }
}

export function assertCapacity(value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw invalidField('capacity', 'must be a positive integer');
}

export function assertCurrency(value: string): void {
  if (!/^[A-Z]{3}$/.test(value)) throw invalidField('currency', 'must be an ISO 4217 code such as EUR');
}

/** Text that must say something (a name, a venue). */
export function assertText(field: string, value: string): void {
  assertWellFormedText(field, value);
  if (value.trim().length === 0) throw invalidField(field, 'must not be blank');
}
