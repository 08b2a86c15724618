export { describeMachine } from './machine';
export { progressBar, type Progress } from './progress';
export { formatRate, median } from './stats';
export { announceToPrometheus, type ScrapeTarget } from './prometheus-targets';
