import { AppError } from '../../domain/shared';
import type { HoldRequest } from '../../infra/ports/inventory-actor';

/**
 * Counts the actor trusts once checked: a zero, negative or fractional quantity would break
 * available + held + confirmed = capacity. The HTTP edge validates first; this guards every caller.
 */
export function checkCount(name: string, value: number, minimum = 0): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new AppError('VALIDATION_ERROR', `${name} must be an integer of at least ${minimum}`, {
      [name]: value,
    });
  }
}

export function checkHold(input: HoldRequest): void {
  checkCount('quantity', input.quantity, 1);
  checkCount('ttlMs', input.ttlMs, 1);
  checkCount('maxPerUser', input.maxPerUser, 0);
  checkCount('unitPrice', input.unitPrice, 0);
  checkCount('now', input.now, 0);
}
