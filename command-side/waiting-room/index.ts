export { QueuePasses, type PassCheck, type QueuePass } from './queue-pass';
export { AdmissionWorker, type AdmissionWorkerDeps, type RoomOfEvent } from './admission-worker';
export { roomOfEvent } from './admission-worker';
export {
  queueStatus,
  type BuyerQueueState,
  type QueuePassGranted,
  type QueueStatus,
  type RoomSnapshot,
} from './queue-status';
export { RoomSnapshots, fingerprintOf, type RoomSnapshotsDeps } from './room-snapshots';
export {
  WaitingRoomDesk,
  type QueueFairness,
  type ReadStatus,
  type RoomLiveView,
  type WaitingRoomDeskDeps,
} from './waiting-room-desk';
export { waitingRoomOperations } from './waiting-room-operations';
export { waitingRoomRoutes, type WaitingRoomRateLimits } from './waiting-room-routes';
