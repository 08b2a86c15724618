import { AppError } from '../shared';

/** A rule about the input was broken: 400 with the same `{ field, reasons }` details as DTO validation. */
export function invalidField(field: string, reason: string): AppError {
  return new AppError('VALIDATION_ERROR', `${field}: ${reason}`, [{ field, reasons: [reason] }]);
}

export const eventNotFound = (): AppError => new AppError('NOT_FOUND', 'No such event');
export const showNotFound = (showId: string): AppError =>
  new AppError('NOT_FOUND', 'No such show', { showId });
export const zoneNotFound = (zoneId: string): AppError =>
  new AppError('ZONE_NOT_FOUND', 'No such zone', { zoneId });

export const notYourEvent = (): AppError =>
  new AppError('FORBIDDEN', 'Only the organizer who owns this event, or an admin, may change it');

export function invalidState(message: string, details?: unknown): AppError {
  return new AppError('INVALID_STATE', message, details);
}
