export { QueuePasses, type PassCheck, type QueuePass } from './queue-pass';
export type { JoinOutcome, LinePosition, WaitingLine } from './waiting-line';
export { AdmissionWorker, type AdmissionWorkerDeps, type RoomOfEvent } from './admission-worker';
