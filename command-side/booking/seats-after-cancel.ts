import type { BookingView } from '../../domain/booking';
import type { InventoryActor } from '../../infra/ports/inventory-actor';

/**
 * Gives a cancelled booking's seats back to sale: a hold is released, a confirmed booking's seats are
 * returned. Both are no-ops when already done, so a retry (or the saga's backstop) may repeat them.
 * `wasConfirmed` is the status the booking had before the cancel.
 */
export async function returnSeatsOfCancelled(
  actor: InventoryActor,
  booking: Pick<BookingView, 'id' | 'eventId'>,
  wasConfirmed: boolean,
): Promise<boolean> {
  const ref = { eventId: booking.eventId, bookingId: booking.id };
  if (wasConfirmed) return (await actor.returnConfirmed(ref)).returned;
  return (await actor.release(ref)).released;
}
