export { bookingCommandRoutes, type BookingCommandRoutesDeps } from './booking-command-routes';
export { bookingCommandOperations } from './booking-command-operations';
