// The waiting room's answers, as the OpenAPI document names them (`npm run openapi`).
export type { QueueStatus } from './queue-status';
export type { QueueFairness, RoomLiveView } from './waiting-room-desk';
