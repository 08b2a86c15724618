export { bookingsProjection } from './bookings-projection';
export { bookingsTable } from './schema';
