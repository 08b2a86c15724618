export { InProcessWaitingLine } from './in-process/in-process-waiting-line';
export { RedisWaitingLine } from './redis/redis-waiting-line';
