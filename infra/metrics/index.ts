export { PrometheusMetrics } from './prometheus-metrics';
export { metricsRoutes } from './metrics-routes';
export { measureRequests } from './measure-requests';
export { SystemReport, type SystemReportOptions } from './system-report';
