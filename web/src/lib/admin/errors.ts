import type { ApiError } from '../api';
import { describeError, type ErrorAdvice } from '../errors';

const advice = (title: string, message: string, actionLabel = 'Try again'): ErrorAdvice => ({
  title,
  message,
  nextStep: 'retry',
  actionLabel,
});

/**
 * An API error on an admin page, in an admin's words: the buyer's wording (`describeError`) speaks of
 * holds and seats, which says nothing about a refused rebuild or a bad filter.
 */
export function describeAdminError(error: ApiError): ErrorAdvice {
  switch (error.code) {
    case 'FORBIDDEN':
      return advice('Admins only', 'Your account is not an admin account.', 'Reload');
    case 'NOT_FOUND':
    case 'ZONE_NOT_FOUND':
      return advice('Not found', error.message || 'Nothing matches this id.', 'Look again');
    case 'VALIDATION_ERROR':
      return advice('Check the filters', error.message, 'Search again');
    case 'INVALID_STATE':
      return advice('Not possible right now', error.message || 'The item is busy.', 'Refresh');
    default:
      return describeError(error);
  }
}

/** A value as indented JSON for reading (undefined as "—"). */
export function formatJson(value: unknown): string {
  if (value === undefined) return '—';
  return JSON.stringify(value, null, 2) ?? String(value);
}
