// The analytics answers, as the OpenAPI document names them (`npm run openapi`).
export type {
  AnalyticsDaily,
  AnalyticsDashboard,
  AnalyticsDashboardMeta,
  AnalyticsRealtime,
} from './analytics-answers';
