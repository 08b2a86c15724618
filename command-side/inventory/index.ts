export type {
  AdjustResult,
  ConfirmResult,
  ConfirmedBooking,
  ExpiredHold,
  GrantedPass,
  PassRecord,
  Hold,
  HoldBucket,
  HoldRefusal,
  HoldRejection,
  HoldRequest,
  HoldResult,
  InventoryActor,
  LiveHold,
  PassRefusal,
  RoomOccupancy,
  RebuildRequest,
  RebuildResult,
  ZoneSnapshot,
} from './inventory-actor';
export { rebuildTotals } from './rebuild-totals';
export { idempotencyMarginMs, idempotencyTtlMs } from './policy';
export { checkCount, checkHold } from './validate';
