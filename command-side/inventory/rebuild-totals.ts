import { AppError } from '../../domain/shared';
import type { RebuildRequest } from '../../infra/ports/inventory-actor';
import { checkCount } from './validate';

/** Counts a rebuild writes; refuses input in which the event store itself would be oversold. */
export function rebuildTotals(input: RebuildRequest): { held: number; confirmed: number; available: number } {
  checkCount('capacity', input.capacity);
  for (const hold of input.liveHolds) checkCount('quantity', hold.quantity, 1);
  for (const booking of input.confirmedBookings) checkCount('confirmed', booking.quantity, 1);
  const ids = new Set([...input.liveHolds, ...input.confirmedBookings].map((booking) => booking.bookingId));
  if (ids.size < input.liveHolds.length + input.confirmedBookings.length) {
    // One booking counted twice would sell its seats twice, and be returned or released twice.
    throw new AppError('INVALID_STATE', 'Rebuild input names a booking more than once');
  }
  const held = input.liveHolds.reduce((sum, hold) => sum + hold.quantity, 0);
  const confirmed = input.confirmedBookings.reduce((sum, booking) => sum + booking.quantity, 0);
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
