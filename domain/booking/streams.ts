/** One stream per booking: `booking-<bookingId>`. */
export const bookingCategory = 'booking';
export const bookingStreamId = (bookingId: string): string => `${bookingCategory}-${bookingId}`;
