export { bookingQueryOperations } from './booking-query-operations';
export { bookingQueryRoutes } from './booking-query-routes';
export { listLiveHolds, listUserBookings, readBooking, type BookingListQuery } from './booking-queries';
export { toBookingView } from './read-model';
export { ListBookingsQuery, bookingStatuses, defaultPageSize, maxPageSize } from './list-bookings-query';
