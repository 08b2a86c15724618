export { rebuildTotals } from './rebuild-totals';
export { idempotencyMarginMs, idempotencyTtlMs } from './policy';
export { checkCount, checkHold } from './validate';
