/** Seats held or sold in a zone right now: a published zone may not shrink below it. */
export interface SeatsTaken {
  seatsTaken(zoneId: string): Promise<number>;
}

/**
 * Counts 0 for every zone, which is true only while no bookings exist: no booking events are written
 * before the booking issue, which replaces this with the inventory actor's snapshot (held + confirmed).
 */
export const noBookingsYetSeatsTaken: SeatsTaken = {
  seatsTaken: async () => 0,
};
