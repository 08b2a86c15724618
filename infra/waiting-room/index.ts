export { InProcessWaitingLine } from './in-process/in-process-waiting-line';
export { RedisWaitingLine } from './redis/redis-waiting-line';
export { AdmissionRunner, admissionLockName, type AdmissionRunnerOptions } from './admission-runner';
