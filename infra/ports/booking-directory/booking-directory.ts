/** What a booking's e-mails tell about it, read when the mail is sent. */
export type BookingDetails = {
  readonly bookingId: string;
  readonly userId: string;
  readonly eventTitle: string;
  readonly venue: string | null;
  /** ISO 8601. */
  readonly showStartsAt: string;
  readonly zoneName: string;
  readonly quantity: number;
  /** In minor units of `currency`, as the events carry it. */
  readonly total: { readonly amount: number; readonly currency: string };
  readonly confirmationCode: string | null;
};

/** The booking with its event, show and zone, or undefined when the booking does not exist. */
export type BookingDirectory = { find(bookingId: string): Promise<BookingDetails | undefined> };
