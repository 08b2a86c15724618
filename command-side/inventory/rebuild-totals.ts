import { AppError } from '../../domain/shared';
import type { RebuildRequest } from './inventory-actor';
import { checkCount } from './validate';

/** Counts a rebuild writes; refuses input in which the event store itself would be oversold. */
export function rebuildTotals(input: RebuildRequest): { held: number; confirmed: number; available: number } {
  checkCount('capacity', input.capacity);
  for (const hold of input.liveHolds) checkCount('quantity', hold.quantity, 1);
  for (const quantity of Object.values(input.confirmedByUser)) checkCount('confirmed', quantity);
  const held = input.liveHolds.reduce((sum, hold) => sum + hold.quantity, 0);
  const confirmed = Object.values(input.confirmedByUser).reduce((sum, quantity) => sum + quantity, 0);
  const available = input.capacity - held - confirmed;
  if (available < 0) {
    throw new AppError('INVALID_STATE', 'Rebuild input holds more seats than the zone capacity', {
      capacity: input.capacity,
      held,
      confirmed,
    });
  }
  return { held, confirmed, available };
}
