export type { BookingDetails, BookingDirectory } from './booking-directory';
