export { analyticsProjection, createAnalyticsProjection } from './analytics-projection';
export type { AnalyticsProjectionOptions } from './analytics-projection';
export {
  analyticsCollections,
  analyticsProjectionName,
  counterFields,
  minuteRetentionHours,
  type BookingFacts,
  type Counters,
  type DailyDocument,
  type EventDocument,
  type MinuteDocument,
  type ZoneDocument,
} from './schema';
export { minutePurgeEveryBatches, minuteRetentionMs } from './minute-retention';
