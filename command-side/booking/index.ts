export { ZoneProvisioner } from './zone-provisioner';
export { reconcileZone, type ReconcileOutcome } from './reconcile-zone';
export { latestCapacities, zoneCapacityEventTypes, type ZoneCapacity } from './zone-capacities';
export { SeatReservations, type ReserveSeats, type ReserveSeatsDeps } from './reserve-seats';
export { BookingLifecycle, type BookingLifecycleDeps, type Replayable } from './booking-lifecycle';
export { type ConfirmOutcome, type ConfirmRefusal } from './confirm-booking';
export { seatsTakenFromActor } from './seats-taken-from-actor';
export { bookingCommandOperations, bookingCommandRoutes, type BookingCommandRoutesDeps } from './http';
export { payBooking, type CardTokenizer, type PaymentAccepted } from './pay-booking';
