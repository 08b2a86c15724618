import type { ManagedZone } from '../api/organizer';
import type { Body } from '../api/schema';
import { checkText, checked, type Checked, type FieldErrors } from './form-check';
import { toMajorInput, toMinorUnits } from './money-input';

/** A zone's fields as typed: `price` in major units ("1,500.00"). */
export type ZoneForm = { name: string; price: string; currency: string; capacity: number | string };
export type ZoneBody = Body<'addZone'>;
export type ZoneEditForm = { price: string; capacity: number | string };
export type ZoneChanges = Body<'updateZone'>;

/** The limits of `command-side/catalog/dtos/show-zone-dtos.ts`. */
export const zoneLimits = { name: 100, capacity: 1_000_000 };
export const defaultCurrency = 'THB';

export const emptyZoneForm = (): ZoneForm => ({
  name: '',
  price: '',
  currency: defaultCurrency,
  capacity: '',
});

/** Seats paid for or held: what `available` no longer counts. */
export const seatsTaken = (zone: ManagedZone): number =>
  zone.available === undefined ? 0 : Math.max(0, zone.capacity - zone.available);

function checkPrice(errors: FieldErrors, price: string, currency: string): number | undefined {
  if (!price.trim()) {
    errors.price = 'Enter a price (0 for free seats).';
    return undefined;
  }
  const minor = toMinorUnits(price, currency);
  if (minor === undefined) errors.price = `Enter an amount such as 1,500.00 ${currency}.`;
  return minor;
}

function checkCapacity(errors: FieldErrors, value: number | string, atLeast: number): number {
  const capacity = Number(value);
  if (
    String(value).trim() === '' ||
    !Number.isInteger(capacity) ||
    capacity < 1 ||
    capacity > zoneLimits.capacity
  )
    errors.capacity = `Enter a whole number of seats from 1 to ${zoneLimits.capacity.toLocaleString('en')}.`;
  else if (capacity < atLeast)
    errors.capacity = `${atLeast} seats are already sold or held; capacity cannot go below that.`;
  return capacity;
}

/** Three upper-case letters; whether ISO 4217 lists the code is the API's to say (beside the field). */
const isCurrencyCode = (code: string): code is ZoneBody['currency'] => /^[A-Z]{3}$/.test(code);

export function readZoneForm(form: ZoneForm): Checked<ZoneBody> {
  const errors: FieldErrors = {};
  checkText(errors, 'name', form.name, { required: true, max: zoneLimits.name });
  const code = form.currency.trim().toUpperCase();
  const currency = isCurrencyCode(code) ? code : undefined;
  if (!currency) errors.currency = 'Enter a three-letter currency code such as THB.';
  const price = checkPrice(errors, form.price, currency ?? defaultCurrency);
  const capacity = checkCapacity(errors, form.capacity, 1);
  return checked(
    errors,
    price === undefined || !currency ? undefined : { name: form.name.trim(), price, currency, capacity },
  );
}

export const zoneEditFormOf = (zone: ManagedZone): ZoneEditForm => ({
  price: toMajorInput(zone.price, zone.currency),
  capacity: zone.capacity,
});

/**
 * The body of `PUT /zones/:id`: only what changed. Once the event is published the capacity may not go
 * below the seats already taken (the API refuses it too).
 */
export function readZoneEdit(
  form: ZoneEditForm,
  zone: ManagedZone,
  context: { published: boolean },
): Checked<ZoneChanges> {
  const errors: FieldErrors = {};
  const price = checkPrice(errors, form.price, zone.currency);
  const capacity = checkCapacity(errors, form.capacity, context.published ? seatsTaken(zone) : 1);
  const changes: ZoneChanges = {
    ...(price !== undefined && price !== zone.price ? { price } : {}),
    ...(capacity !== zone.capacity ? { capacity } : {}),
  };
  return checked(errors, changes);
}
