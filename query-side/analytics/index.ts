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
export type { Activity, Totals } from './analytics-views';
export type { DayPoint, MinutePoint } from './series';
export { analyticsProjectionName, analyticsViews } from './read-model';
