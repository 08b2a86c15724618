import type { EventBody, EventChanges, OrganizerEvent } from '../api/organizer';
import { fromLocalInput, toLocalInput } from './datetime';
import { checkText, checked, type Checked, type FieldErrors } from './form-check';

/** The fields of the event form as typed (times are `datetime-local` values); keys are the API's. */
export type EventForm = {
  name: string;
  description: string;
  venue: string;
  category: string;
  startsAt: string;
  saleStartsAt: string;
  /** '' sells until the event starts. */
  saleEndsAt: string;
  maxTicketsPerUser: number | string;
};

/** The limits of `command-side/catalog/dtos/event-dtos.ts` and `domain/catalog/rules.ts`. */
export const eventLimits = { name: 200, description: 5000, venue: 200, category: 50, maxTicketsPerUser: 10 };
export const defaultMaxTicketsPerUser = 4;

export const emptyEventForm = (): EventForm => ({
  name: '',
  description: '',
  venue: '',
  category: '',
  startsAt: '',
  saleStartsAt: '',
  saleEndsAt: '',
  maxTicketsPerUser: defaultMaxTicketsPerUser,
});

export function eventFormOf(event: OrganizerEvent): EventForm {
  return {
    name: event.name,
    description: event.description,
    venue: event.venue,
    category: event.category ?? '',
    startsAt: toLocalInput(event.startsAt),
    saleStartsAt: toLocalInput(event.saleStartsAt),
    saleEndsAt: event.saleEndsAt === event.startsAt ? '' : toLocalInput(event.saleEndsAt),
    maxTicketsPerUser: event.maxTicketsPerUser,
  };
}

export type EventFormContext = {
  readonly now: number;
  /** The event being edited; absent when creating one. */
  readonly original?: OrganizerEvent;
  /** Start of the event's earliest show: the event may not start after it. */
  readonly firstShowStartsAt?: string;
};

function instant(errors: FieldErrors, field: string, value: string, missing: string): string | undefined {
  if (!value.trim()) {
    errors[field] = missing;
    return undefined;
  }
  const iso = fromLocalInput(value);
  if (!iso) errors[field] = 'Enter a real date and time.';
  return iso;
}

function checkSchedule(errors: FieldErrors, form: EventForm, context: EventFormContext) {
  const startsAt = instant(errors, 'startsAt', form.startsAt, 'Enter when the event starts.');
  const saleStartsAt = instant(errors, 'saleStartsAt', form.saleStartsAt, 'Enter when the sale opens.');
  const saleEndsAt = form.saleEndsAt.trim() ? instant(errors, 'saleEndsAt', form.saleEndsAt, '') : undefined;
  const startChanged = !context.original || toLocalInput(context.original.startsAt) !== form.startsAt;
  if (startsAt && startChanged && Date.parse(startsAt) <= context.now)
    errors.startsAt = 'The event must start in the future.';
  if (startsAt && context.firstShowStartsAt && Date.parse(startsAt) > Date.parse(context.firstShowStartsAt))
    errors.startsAt = 'The event cannot start after its first show.';
  if (saleEndsAt && startsAt && Date.parse(saleEndsAt) > Date.parse(startsAt))
    errors.saleEndsAt = 'The sale must end by the time the event starts.';
  const saleEnd = saleEndsAt ?? startsAt;
  if (saleStartsAt && saleEnd && Date.parse(saleStartsAt) >= Date.parse(saleEnd))
    errors.saleStartsAt = saleEndsAt
      ? 'The sale must open before it ends.'
      : 'The sale must open before the event starts.';
  return { startsAt, saleStartsAt, saleEndsAt };
}

function checkTickets(errors: FieldErrors, value: number | string): number {
  const count = Number(value);
  if (
    String(value).trim() === '' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > eventLimits.maxTicketsPerUser
  )
    errors.maxTicketsPerUser = `Enter a whole number from 1 to ${eventLimits.maxTicketsPerUser}.`;
  return count;
}

/** The form checked by the API's own rules, as the body of `POST /events` (or the errors per field). */
export function readEventForm(form: EventForm, context: EventFormContext): Checked<EventBody> {
  const errors: FieldErrors = {};
  checkText(errors, 'name', form.name, { required: true, max: eventLimits.name });
  checkText(errors, 'description', form.description, { required: false, max: eventLimits.description });
  checkText(errors, 'venue', form.venue, { required: true, max: eventLimits.venue });
  checkText(errors, 'category', form.category, { required: false, max: eventLimits.category });
  const { startsAt, saleStartsAt, saleEndsAt } = checkSchedule(errors, form, context);
  const maxTicketsPerUser = checkTickets(errors, form.maxTicketsPerUser);
  if (!startsAt || !saleStartsAt) return checked<EventBody>(errors, undefined);
  const category = form.category.trim();
  return checked(errors, {
    name: form.name.trim(),
    description: form.description,
    venue: form.venue.trim(),
    ...(category ? { category } : {}),
    startsAt,
    saleStartsAt,
    ...(saleEndsAt ? { saleEndsAt } : {}),
    maxTicketsPerUser,
  });
}

/**
 * The body of `PUT /events/:id`: only what differs from `event`. Clearing the category sends null;
 * clearing the sale end sells until the (possibly new) start.
 */
export function eventChanges(body: EventBody, event: OrganizerEvent): EventChanges {
  const changes: EventChanges = {};
  if (body.name !== event.name) changes.name = body.name;
  if (body.description !== event.description) changes.description = body.description;
  if (body.venue !== event.venue) changes.venue = body.venue;
  const category = body.category ?? null;
  if (category !== event.category) changes.category = category;
  const sameMinute = (a: string, b: string) => toLocalInput(a) === toLocalInput(b);
  if (!sameMinute(body.startsAt, event.startsAt)) changes.startsAt = body.startsAt;
  if (!sameMinute(body.saleStartsAt, event.saleStartsAt)) changes.saleStartsAt = body.saleStartsAt;
  const saleEndsAt = body.saleEndsAt ?? changes.startsAt ?? event.startsAt;
  if (!sameMinute(saleEndsAt, event.saleEndsAt) || (body.saleEndsAt === undefined && changes.startsAt))
    changes.saleEndsAt = saleEndsAt;
  if (body.maxTicketsPerUser !== undefined && body.maxTicketsPerUser !== event.maxTicketsPerUser)
    changes.maxTicketsPerUser = body.maxTicketsPerUser;
  return changes;
}
