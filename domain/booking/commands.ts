/** Record a hold the inventory actor granted; the price and expiry come from the server. */
export type Reserve = {
  readonly type: 'Reserve';
  readonly bookingId: string;
  readonly userId: string;
  readonly eventId: string;
  readonly showId: string;
  readonly zoneId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly currency: string;
  readonly expiresAt: Date;
  readonly now: Date;
};

/** Internal: driven by a verified payment (payments issue). */
export type Confirm = {
  readonly type: 'Confirm';
  readonly confirmationCode: string;
  readonly now: Date;
};

/** `userId` is the signed-in user, who must own the booking. */
export type Cancel = {
  readonly type: 'Cancel';
  readonly userId: string;
  readonly reason: string | null;
  readonly now: Date;
};

/** The expiry sweeper's command once the hold's time is up. */
export type Expire = { readonly type: 'Expire'; readonly now: Date };

export type BookingCommand = Reserve | Confirm | Cancel | Expire;
