import { AppError, assertWellFormedText } from '../shared';

export const nameMaxLength = 100;
export const passwordMinLength = 8;
/** argon2 takes longer input, but bcrypt-compatible limits keep the contract stable (API.md). */
export const passwordMaxLength = 72;

function invalid(field: string, reason: string): AppError {
  return new AppError('VALIDATION_ERROR', `Invalid ${field}: ${reason}`, [{ field, reasons: [reason] }]);
}

/** A display name: any characters (stored verbatim), but not blank and not longer than 100. */
export function assertValidName(name: string): void {
  assertWellFormedText('name', name);
  if (name.trim().length === 0) throw invalid('name', 'name must not be blank');
  if (name.length > nameMaxLength) throw invalid('name', `name must be at most ${nameMaxLength} characters`);
}

export function assertValidPassword(password: string): void {
  assertWellFormedText('password', password);
  if (password.length < passwordMinLength || password.length > passwordMaxLength) {
    throw invalid('password', `password must be ${passwordMinLength}–${passwordMaxLength} characters`);
  }
}

export function assertValidEmail(email: string): void {
  assertWellFormedText('email', email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw invalid('email', 'email must be an e-mail address');
}
