export { ZoneProvisioner } from './zone-provisioner';
export { reconcileZone, type ReconcileOutcome } from './reconcile-zone';
export { latestCapacities, zoneCapacityEventTypes, type ZoneCapacity } from './zone-capacities';
export { SeatReservations, type ReserveSeats, type ReserveSeatsDeps } from './reserve-seats';
export { BookingLifecycle, type BookingLifecycleDeps, type ConfirmOutcome } from './booking-lifecycle';
export { seatsTakenFromActor } from './seats-taken-from-actor';
export { bookingCommandRoutes, type BookingCommandRoutesDeps } from './http';
