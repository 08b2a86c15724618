export {
  bookingSagaProjection,
  sagaCommandsChannel,
  type BookingSagaOptions,
} from './booking-saga-projection';
export { SagaCommandScheduler, type SchedulerOptions } from './command-scheduler';
export { SagaCommandStore, type ClaimedCommand, type CommandCounts } from './command-store';
export { executeSagaCommand, newConfirmationCode, type ExecutorDeps } from './command-executor';
export { paymentStreamRequests } from './payment-stream-requests';
export { react, type ReactOptions, type Reaction, type SagaInput } from './react';
export type { SagaCommand, Scheduled } from './saga-commands';
export { bookingSagaCategory, bookingSagaStreamId, type ConfirmationRefused } from './saga-events';
export type { BookingSagaState } from './saga-state';
export { sagaCommandsTable } from './saga-tables';
export { messageIdOf } from './message-ids';
