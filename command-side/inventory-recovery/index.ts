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
export { InventoryRecovery, type RecoveryOptions, type RecoveryOutcome } from './inventory-recovery';
export {
  checkInventory,
  checkLedger,
  checkZone,
  type CheckInventoryOptions,
  type InventoryCheck,
  type ZoneCheck,
} from './check-inventory';
export { adminInventoryOperations } from './admin-inventory-operations';
export {
  adminInventoryRoutes,
  toInventoryResource,
  type AdminInventoryDeps,
  type AdminInventoryResource,
  type AdminZoneInventoryResource,
} from './admin-inventory-routes';
