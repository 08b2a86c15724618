export { analyticsOperations } from './analytics-operations';
export { analyticsRoutes } from './analytics-routes';
export {
  DailyQuery,
  DashboardQuery,
  RealtimeQuery,
  defaultDailyDays,
  defaultRealtimeMinutes,
  maxDailyDays,
  maxRealtimeMinutes,
} from './analytics-queries';
export type { AnalyticsActivity, AnalyticsTotals } from './analytics-views';
export type { AnalyticsDayPoint, AnalyticsMinutePoint } from './series';
