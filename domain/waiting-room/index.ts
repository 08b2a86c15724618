export type {
  AdmitBuyers,
  CloseQueue,
  OpenPreQueue,
  RecordJoins,
  ReopenQueue,
  ShuffleQueue,
  WaitingRoomCommand,
} from './commands';
export { waitingRoomDecider } from './decider';
export {
  waitingRoomCategory,
  waitingRoomEventTypes,
  waitingRoomStreamId,
  type BuyersAdmitted,
  type PreQueueOpened,
  type QueueClosed,
  type QueueJoinsRecorded,
  type QueueReopened,
  type QueueShuffled,
  type RecordedJoin,
  type WaitingRoomEvent,
} from './events';
export { seedCommitment, shuffledOrder } from './fair-order';
export { initialQueueState, type QueuePhase, type QueueState } from './state';
export { admissionBudget, oddsOfSeats, rateCredit, waitEstimate, type AdmissionInputs } from './admission';
export { QueueReportFold, type QueueReport } from './report';
