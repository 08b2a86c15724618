export {
  jobOf,
  metricNames,
  metrics,
  scrapedRoles,
  scrapeSeries,
  selectableSeries,
  targetLabels,
  type MetricSpec,
  type MetricType,
} from './metric-names';
export { namesInQuery, type QueryNames, type SeriesSelector } from './promql-names';
export { promtool, type PromtoolRun } from './promtool';
