export type {
  AdjustResult,
  ConfirmResult,
  ConfirmedBooking,
  ExpiredHold,
  Hold,
  HoldBucket,
  HoldRefusal,
  HoldRejection,
  HoldRequest,
  HoldResult,
  InventoryActor,
  LiveHold,
  RebuildRequest,
  RebuildResult,
  ZoneSnapshot,
} from './inventory-actor';
export { rebuildTotals } from './rebuild-totals';
export { idempotencyMarginMs, idempotencyTtlMs } from './policy';
export { checkCount, checkHold } from './validate';
