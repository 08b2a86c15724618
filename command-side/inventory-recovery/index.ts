export {
  BookingLedger,
  confirmedBookings,
  confirmedByUser,
  confirmedSeats,
  foldLedger,
  heldSeats,
  ledgerEventTypes,
  liveHeldSeats,
  liveHolds,
  staleReservations,
  type Reservation,
  type ZoneLedger,
} from './booking-ledger';
export { LedgerReader } from './ledger-reader';
export {
  InventoryRecovery,
  type RecoveryLogger,
  type RecoveryOptions,
  type RecoveryOutcome,
} from './inventory-recovery';
export {
  checkInventory,
  checkZone,
  type CheckInventoryOptions,
  type InventoryCheck,
  type ZoneCheck,
} from './check-inventory';
export {
  adminInventoryRoutes,
  type AdminInventoryDeps,
  type AdminInventoryResource,
} from './admin-inventory-routes';
