export { bookingCommandRoutes, type BookingCommandRoutesDeps } from './booking-command-routes';
