/** Seats held or sold in a zone right now: a published zone may not shrink below it. */
export interface SeatsTaken {
  seatsTaken(zoneId: string): Promise<number>;
}
