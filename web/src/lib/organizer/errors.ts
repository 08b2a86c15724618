import type { ApiError } from '../api/result';
import { describeError, type ErrorAdvice } from '../errors';

/**
 * An API error on the organizer's pages. The buyer's wording of INVALID_STATE (an ended hold) does not fit
 * here: the catalog's own message says which rule refused the change.
 */
export function describeOrganizerError(error: ApiError): ErrorAdvice {
  switch (error.code) {
    case 'INVALID_STATE':
      return {
        title: 'Not possible now',
        message: error.message,
        nextStep: 'fix-fields',
        actionLabel: 'Dismiss',
      };
    case 'FORBIDDEN':
      return {
        title: 'Not allowed',
        message: 'Only the organizer who owns this event, or an admin, may change it.',
        nextStep: 'go-home',
        actionLabel: 'Dismiss',
      };
    case 'NOT_FOUND':
    case 'ZONE_NOT_FOUND':
      return {
        title: 'Not found',
        message: 'This event, show or zone does not exist, or it is not one of yours.',
        nextStep: 'go-home',
        actionLabel: 'Dismiss',
      };
    default:
      return describeError(error);
  }
}
