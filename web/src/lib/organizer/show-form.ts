import type { ManagedShow, ShowChanges } from '../api/organizer';
import type { Body } from '../api/schema';
import { fromLocalInput, toLocalInput } from './datetime';
import { checkText, checked, type Checked, type FieldErrors } from './form-check';

/** A show's fields as typed: `startsAt` is a `datetime-local` value, '' name means unnamed. */
export type ShowForm = { name: string; startsAt: string };
export type ShowBody = Body<'addShow'>;

export const showNameLimit = 200;

export const showFormOf = (show: Pick<ManagedShow, 'name' | 'startsAt'>): ShowForm => ({
  name: show.name ?? '',
  startsAt: toLocalInput(show.startsAt),
});

/** As `domain/catalog/rules.ts` assertShowTime: in the future, and not before the event starts. */
export function readShowForm(
  form: ShowForm,
  context: { now: number; eventStartsAt: string },
): Checked<ShowBody> {
  const errors: FieldErrors = {};
  checkText(errors, 'name', form.name, { required: false, max: showNameLimit });
  let startsAt: string | undefined;
  if (!form.startsAt.trim()) errors.startsAt = 'Enter when the show starts.';
  else {
    startsAt = fromLocalInput(form.startsAt);
    if (!startsAt) errors.startsAt = 'Enter a real date and time.';
    else if (Date.parse(startsAt) <= context.now) errors.startsAt = 'The show must start in the future.';
    else if (Date.parse(startsAt) < Date.parse(context.eventStartsAt))
      errors.startsAt = 'A show cannot start before the event starts.';
  }
  const name = form.name.trim();
  return checked<ShowBody>(errors, startsAt ? { startsAt, ...(name ? { name } : {}) } : undefined);
}

/** The body of `PUT /shows/:id`: only what changed; an emptied name sends null. */
export function showChanges(body: ShowBody, show: Pick<ManagedShow, 'name' | 'startsAt'>): ShowChanges {
  const changes: ShowChanges = {};
  const name = body.name ?? null;
  if (name !== show.name) changes.name = name;
  if (toLocalInput(body.startsAt) !== toLocalInput(show.startsAt)) changes.startsAt = body.startsAt;
  return changes;
}
