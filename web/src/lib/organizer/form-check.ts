import { fieldErrors, type ApiError } from '../api';

/** Messages per field, keyed by the API's field names (as in a VALIDATION_ERROR's details). */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

export function checked<T>(errors: FieldErrors, body: T | undefined): Checked<T> {
  return Object.keys(errors).length > 0 || body === undefined ? { ok: false, errors } : { ok: true, body };
}

/** Required text must not be blank; any text must fit `max` characters. */
export function checkText(
  errors: FieldErrors,
  field: string,
  value: string,
  rule: { required: boolean; max: number },
): void {
  if (rule.required && !value.trim()) errors[field] = 'This field is required.';
  else if (value.length > rule.max) errors[field] = `Use at most ${rule.max} characters.`;
}

/**
 * A refused request as a form shows it: the fields a 400 names get their messages beside them; any other
 * refusal (a conflict, a lost connection) becomes the form's one failure notice.
 */
export function formRefusal(error: ApiError): { errors: FieldErrors; failure: ApiError | undefined } {
  const errors = fieldErrors(error);
  return { errors, failure: Object.keys(errors).length ? undefined : error };
}
