import { AppError } from './error-codes';

/**
 * Text a client sent must be well-formed Unicode before anything is written: JSON carries a lone UTF-16
 * surrogate (`"\ud800"`) but PostgreSQL refuses to store one, and a refusal at the append would come
 * after earlier writes of the same request (registration's e-mail claim). 400 naming the field.
 */
export function assertWellFormedText(field: string, value: string | null | undefined): void {
  if (typeof value !== 'string' || value.isWellFormed()) return;
  const reason = `${field} must be well-formed Unicode text (it holds a lone surrogate)`;
  throw new AppError('VALIDATION_ERROR', `Invalid ${field}: ${reason}`, [{ field, reasons: [reason] }]);
}
