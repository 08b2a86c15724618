export { describeMachine } from './machine';
export { progressBar, type Progress } from './progress';
export { formatRate, median } from './stats';
